//! `cargo bench --bench tui`: the review workstation against its performance
//! targets, in process through the library, drawn on ratatui's `TestBackend`
//! (160x48); prints a table with PASS/FAIL and exits non-zero when one fails.
//!
//! 1. first frame on a 10,000-handoff workspace: `Workspace::open` +
//!    `App::new` + the first `terminal.draw(view::draw)`, under 150 ms;
//! 2. a queue frame at 10,000 handoffs (the cursor moving between frames):
//!    median draw under 2 ms;
//! 3. an evidence frame over a 2 MB notes file, opened from the queue and
//!    scrolled to the middle of the notes: median draw under 5 ms;
//! 4. the process's peak resident memory (`VmHWM`) after 1 and 3: under 150 MB.
//!
//! The workspace is generated in a temp dir (nothing is kept between runs):
//! the demo workspace (six sample deals with their scripted history) and a
//! copy of the saltmarsh sample with a generated 2 MB notes file are imported
//! through the library, then the six demo deals are cloned in SQL, every row
//! of every table (revisions with their analysis, files, items, approvals,
//! events), up to 10,000 handoffs. The measurements run in a fresh child
//! process (this binary again), so the first frame is a first frame and the
//! memory peak is the TUI's, not the generator's.

#[cfg(feature = "tui")]
fn main() {
    bench::main();
}

#[cfg(not(feature = "tui"))]
fn main() {
    eprintln!("the tui benchmark needs the `tui` feature (on by default)");
}

#[cfg(feature = "tui")]
mod bench {
    use baton::handoff::{Actor, Ctx, Role};
    use baton::rules::Rules;
    use baton::tui::config::TuiConfig;
    use baton::tui::state::evidence::Side;
    use baton::tui::update::update;
    use baton::tui::{Action, App, Clock};
    use baton::workspace::{ImportOutcome, Workspace, prepare};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use std::fs;
    use std::path::Path;
    use std::process::Command;
    use std::time::{Duration, Instant};

    const HANDOFFS: usize = 10_000;
    const NOTES_BYTES: usize = 2 * 1024 * 1024;
    const SIZE: (u16, u16) = (160, 48);
    const FIRST_FRAME_MS: f64 = 150.0;
    const QUEUE_FRAME_MS: f64 = 2.0;
    const EVIDENCE_FRAME_MS: f64 = 5.0;
    const MEMORY_MB: f64 = 150.0;
    const FRAMES: usize = 300;
    /// The deal carrying the 2 MB notes file.
    const BIG: &str = "BENCH-2MB-0001";
    const NOW: &str = "2026-09-04T09:00:00Z";
    /// Set on the child process: the workspace to measure.
    const CHILD_ENV: &str = "BATON_TUI_BENCH_WORKSPACE";

    pub fn main() {
        if let Some(db) = std::env::var_os(CHILD_ENV) {
            std::process::exit(measure(Path::new(&db)));
        }
        let tmp = tempfile::tempdir().expect("temp dir");
        let db = tmp.path().join("workspace.db");
        let t = Instant::now();
        let notes = generate(tmp.path(), &db);
        let size = fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
        println!(
            "workspace: {HANDOFFS} handoffs, {:.0} MB on disk, one with a {:.1} MB notes file; generated in {:.1} s",
            size as f64 / MB,
            notes as f64 / MB,
            t.elapsed().as_secs_f64()
        );
        let exe = std::env::current_exe().expect("this benchmark's path");
        let status = Command::new(exe)
            .env(CHILD_ENV, &db)
            .status()
            .expect("run the measuring child");
        std::process::exit(status.code().unwrap_or(1));
    }

    const MB: f64 = 1024.0 * 1024.0;

    fn ctx(name: &str) -> Ctx {
        Ctx::new(
            Actor {
                name: name.into(),
                role: Some(Role::Csm),
            },
            NOW.parse().unwrap(),
        )
    }

    // ------------------------------------------------------------ generation

    /// Build the workspace at `db`; returns the size of the big notes file.
    fn generate(dir: &Path, db: &Path) -> usize {
        let bundles = dir.join("bundles");
        let ws = baton::demo::build(db, &bundles).expect("the demo workspace");
        let demo: Vec<String> = ws.queue().unwrap().into_iter().map(|r| r.id).collect();
        drop(ws);
        let notes = write_big_bundle(&bundles, &dir.join("big"));
        let mut ws = Workspace::open(db).unwrap();
        let p = prepare(&dir.join("big"), &Rules::builtin(), NOW.parse().unwrap())
            .expect("the big bundle analyses");
        let out = ws.import(&p, &ctx("baton import")).expect("import");
        assert!(
            matches!(&out, ImportOutcome::Imported { deal, .. } if deal == BIG),
            "the big bundle imports as {BIG}"
        );
        drop(ws);
        clone_deals(db, &demo, HANDOFFS - demo.len() - 1);
        notes
    }

    /// The saltmarsh sample (conflicts on both sides) as deal `BIG`, with a
    /// generated notes file of `NOTES_BYTES`: paragraphs of the samples'
    /// note lines picked by a fixed LCG. Returns the notes file's size.
    fn write_big_bundle(samples: &Path, to: &Path) -> usize {
        let src = samples.join("saltmarsh-home-health-evv");
        copy_dir(&src, to);
        let deal = fs::read_to_string(to.join("deal.toml")).unwrap();
        let id = deal
            .lines()
            .find_map(|l| l.strip_prefix("id = "))
            .map(|v| v.trim().trim_matches('"').to_string())
            .expect("the sample's deal id");
        fs::write(to.join("deal.toml"), deal.replace(&id, BIG)).unwrap();
        let mut pool: Vec<String> = Vec::new();
        let mut dirs: Vec<_> = fs::read_dir(samples)
            .unwrap()
            .map(|e| e.unwrap().path().join("notes"))
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        for d in dirs {
            let mut files: Vec<_> = fs::read_dir(d)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            files.sort();
            for f in files {
                let text = fs::read_to_string(f).unwrap();
                pool.extend(
                    text.lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(String::from),
                );
            }
        }
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 33) as usize) % n
        };
        let mut text = String::with_capacity(NOTES_BYTES + 4096);
        let mut call = 0;
        while text.len() < NOTES_BYTES {
            if call % 40 == 0 {
                text.push_str(&format!("\n# Call log, part {}\n\n", call / 40 + 1));
            }
            for _ in 0..2 + next(5) {
                text.push_str(&pool[next(pool.len())]);
                text.push('\n');
            }
            text.push('\n');
            call += 1;
        }
        let path = to.join("notes").join("2026-08-20-account-call-log.md");
        fs::write(&path, &text).unwrap();
        text.len()
    }

    fn copy_dir(from: &Path, to: &Path) {
        fs::create_dir_all(to).unwrap();
        for e in fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                copy_dir(&e.path(), &to.join(e.file_name()));
            } else {
                fs::copy(e.path(), to.join(e.file_name())).unwrap();
            }
        }
    }

    /// Add `n` copies of the `sources` deals (round robin) with every row that
    /// hangs off a deal, in one transaction. Column lists come from the
    /// schema, so a migration that adds a column is copied too. Kickoffs are
    /// spread over two months so the queue's sort has work to do.
    fn clone_deals(db: &Path, sources: &[String], n: usize) {
        let mut c = rusqlite::Connection::open(db).unwrap();
        let tx = c.transaction().unwrap();
        tx.execute_batch(
            "CREATE TEMP TABLE origin (rn INTEGER PRIMARY KEY, id TEXT NOT NULL);
             CREATE TEMP TABLE plan (j INTEGER PRIMARY KEY, src TEXT NOT NULL, dst TEXT NOT NULL);",
        )
        .unwrap();
        for (i, id) in sources.iter().enumerate() {
            tx.execute("INSERT INTO origin VALUES (?1, ?2)", (i as i64, id))
                .unwrap();
        }
        tx.execute(
            "WITH RECURSIVE n(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM n WHERE j < ?1)
             INSERT INTO plan SELECT n.j, o.id, o.id || '-c' || printf('%05d', n.j)
             FROM n JOIN origin o ON o.rn = n.j % ?2",
            (n as i64, sources.len() as i64),
        )
        .unwrap();
        for table in [
            "deals",
            "revisions",
            "files",
            "file_diffs",
            "items",
            "approvals",
            "events",
        ] {
            let key = if table == "deals" { "id" } else { "deal_id" };
            let cols: Vec<String> = tx
                .prepare(&format!(
                    "SELECT name, pk FROM pragma_table_info('{table}')"
                ))
                .unwrap()
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
                .unwrap()
                .map(Result::unwrap)
                // An integer row id is assigned afresh.
                .filter(|(name, pk)| !(name == "id" && *pk == 1 && table != "deals"))
                .map(|(name, _)| name)
                .collect();
            let exprs: Vec<String> = cols
                .iter()
                .map(|c| match (table, c.as_str()) {
                    (_, c) if c == key => "plan.dst".to_string(),
                    ("deals", "kickoff") => {
                        "date(t.kickoff, printf('%+d days', plan.j % 61 - 30))".to_string()
                    }
                    _ => format!("t.{c}"),
                })
                .collect();
            let sql = format!(
                "INSERT INTO {table} ({}) SELECT {} FROM {table} t JOIN plan ON t.{key} = plan.src",
                cols.join(", "),
                exprs.join(", ")
            );
            tx.execute(&sql, []).unwrap();
        }
        tx.commit().unwrap();
        let deals: i64 = c
            .query_row("SELECT count(*) FROM deals", [], |r| r.get(0))
            .unwrap();
        assert_eq!(deals as usize, HANDOFFS);
    }

    // ------------------------------------------------------------ measuring

    fn ms(d: Duration) -> f64 {
        d.as_secs_f64() * 1e3
    }

    fn verdict(ok: bool) -> &'static str {
        if ok { "PASS" } else { "FAIL" }
    }

    /// Median and 95th percentile.
    fn stats(mut v: Vec<Duration>) -> (Duration, Duration) {
        v.sort();
        (v[v.len() / 2], v[(v.len() * 95 / 100).min(v.len() - 1)])
    }

    fn vm_hwm_kb() -> Option<u64> {
        fs::read_to_string("/proc/self/status")
            .ok()?
            .lines()
            .find_map(|l| {
                l.strip_prefix("VmHWM:")?
                    .trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse()
                    .ok()
            })
    }

    fn new_terminal() -> Terminal<TestBackend> {
        Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap()
    }

    fn draw(terminal: &mut Terminal<TestBackend>, app: &App) -> Duration {
        let t = Instant::now();
        terminal
            .draw(|f| baton::tui::view::draw(f, app))
            .expect("draw");
        t.elapsed()
    }

    /// `Workspace::open` + `App::new` + the first draw, and each part's time.
    struct FirstFrame {
        total: Duration,
        open: Duration,
        app: Duration,
        draw: Duration,
    }

    fn first_frame(db: &Path) -> (FirstFrame, App, Terminal<TestBackend>) {
        let t = Instant::now();
        let ws = Workspace::open(db).expect("open the workspace");
        let open = t.elapsed();
        let app = App::new(
            ws,
            TuiConfig::defaults(true),
            Some(ctx("Bench CSM").actor),
            Clock::Fixed(NOW.parse().unwrap()),
            SIZE,
        )
        .expect("the app loads the queue");
        let app_t = t.elapsed() - open;
        let mut terminal = new_terminal();
        let draw_t = draw(&mut terminal, &app);
        let f = FirstFrame {
            total: t.elapsed(),
            open,
            app: app_t,
            draw: draw_t,
        };
        (f, app, terminal)
    }

    /// Where opening a handoff goes: the library calls `HandoffView::load` makes.
    fn open_breakdown(ws: &Workspace, deal: &str) -> String {
        let t = Instant::now();
        let h = ws.handoff(deal).unwrap();
        let handoff = t.elapsed();
        let t = Instant::now();
        let files = ws.files(deal).unwrap();
        let files_t = t.elapsed();
        let t = Instant::now();
        let ev = baton::tui::state::evidence::Evidence::build(files, &h);
        let evidence = t.elapsed();
        let t = Instant::now();
        let analysis = ws.drafted_brief(deal).unwrap();
        let analysis_t = t.elapsed();
        let t = Instant::now();
        let gates = baton::handoff::gates(&h);
        let hash = baton::handoff::review_hash(&h);
        let gates_t = t.elapsed();
        let t = Instant::now();
        let events = ws.events(None, Some(deal)).unwrap();
        let events_t = t.elapsed();
        let line = format!(
            "opening it, by part: handoff ({} items) {:.1} ms, files {:.1} ms, evidence index ({} lines) {:.1} ms, \
             drafted brief {:.1} ms, gates + review hash {:.1} ms, events {:.1} ms",
            h.items.len(),
            ms(handoff),
            ms(files_t),
            ev.notes.lines.len() + ev.scope.lines.len(),
            ms(evidence),
            ms(analysis_t),
            ms(gates_t),
            ms(events_t)
        );
        drop((analysis, gates, hash, events));
        line
    }

    fn screen(terminal: &Terminal<TestBackend>) -> String {
        let buf = terminal.backend().buffer();
        let mut s = String::new();
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                s.push_str(buf[(x, y)].symbol());
            }
            s.push('\n');
        }
        s
    }

    /// The child: every measurement, the table, and the exit code.
    fn measure(db: &Path) -> i32 {
        let mut results: Vec<(String, bool)> = Vec::new();
        let mut info: Vec<String> = Vec::new();

        // (a) the first frame, then a few more opens to show the spread.
        let (first, mut app, mut terminal) = first_frame(db);
        let again: Vec<Duration> = (0..4).map(|_| first_frame(db).0.total).collect();
        let (again_median, _) = stats(again);
        assert_eq!(app.queue.rows.len(), HANDOFFS);
        assert!(screen(&terminal).contains("of 10000 handoffs"));
        let t = Instant::now();
        let rows = app.ws.queue().unwrap();
        let query = t.elapsed();
        drop(rows);
        let ok = ms(first.total) < FIRST_FRAME_MS;
        println!(
            "\n(a) first frame, {HANDOFFS} handoffs, {}x{}: {:.1} ms (later opens: median {:.1} ms)  target < {FIRST_FRAME_MS} ms  {}",
            SIZE.0,
            SIZE.1,
            ms(first.total),
            ms(again_median),
            verdict(ok)
        );
        println!(
            "    Workspace::open {:.1} ms, App::new {:.1} ms (of which Workspace::queue {:.1} ms when run alone), first draw {:.1} ms",
            ms(first.open),
            ms(first.app),
            ms(query),
            ms(first.draw)
        );
        results.push((format!("first frame < {FIRST_FRAME_MS} ms"), ok));

        // (b) queue frames, the cursor moving down between them.
        let frames: Vec<Duration> = (0..FRAMES)
            .map(|_| {
                update(&mut app, Action::Down);
                draw(&mut terminal, &app)
            })
            .collect();
        let (median, p95) = stats(frames);
        let ok = ms(median) < QUEUE_FRAME_MS;
        println!(
            "(b) queue frame, {HANDOFFS} handoffs: median {:.3} ms, p95 {:.3} ms over {FRAMES} frames  target < {QUEUE_FRAME_MS} ms  {}",
            ms(median),
            ms(p95),
            verdict(ok)
        );
        results.push((format!("queue frame < {QUEUE_FRAME_MS} ms"), ok));

        // Typing into the fuzzy filter re-filters 10,000 rows per key.
        update(&mut app, Action::Filter);
        let mut keys = Vec::new();
        for c in BIG.chars() {
            let t = Instant::now();
            update(&mut app, Action::Type(c));
            draw(&mut terminal, &app);
            keys.push(t.elapsed());
        }
        update(&mut app, Action::Submit);
        let (key_median, key_p95) = stats(keys);
        info.push(format!(
            "filter keystroke over {HANDOFFS} rows (re-filter + draw): median {:.2} ms, p95 {:.2} ms",
            ms(key_median),
            ms(key_p95)
        ));
        assert_eq!(
            app.queue.selected().map(|r| r.id.as_str()),
            Some(BIG),
            "the filter selects the big handoff"
        );

        // (c) open the big handoff, the evidence tab, the middle of the notes.
        let t = Instant::now();
        update(&mut app, Action::Open);
        let open = t.elapsed();
        update(&mut app, Action::TabEvidence);
        let (lines, big_file) = {
            let v = app.view.as_ref().expect("the handoff opened");
            let biggest = v.evidence.files.iter().map(|f| f.text.len()).max();
            (
                v.evidence.pane(Side::Notes).lines.len(),
                biggest.unwrap_or(0),
            )
        };
        assert!(big_file >= NOTES_BYTES, "the 2 MB notes file is loaded");
        let mut pages = 0;
        while app.view.as_ref().unwrap().scroll.notes_top < lines / 2 {
            update(&mut app, Action::PageDown);
            pages += 1;
        }
        draw(&mut terminal, &app);
        let shown = screen(&terminal);
        let top_number = {
            let v = app.view.as_ref().unwrap();
            match &v.evidence.pane(Side::Notes).lines[v.scroll.notes_top] {
                baton::tui::state::evidence::PaneLine::Text { number, .. } => *number,
                _ => 0,
            }
        };
        assert!(
            top_number > 10_000 && shown.contains(&format!("\n{top_number} ")),
            "the notes pane shows the middle of the big file (line {top_number}):\n{shown}"
        );
        let frames: Vec<Duration> = (0..FRAMES)
            .map(|i| {
                // Scroll a line down and back up: every frame differs, and
                // the view stays in the middle of the file.
                update(&mut app, if i % 2 == 0 { Action::Down } else { Action::Up });
                draw(&mut terminal, &app)
            })
            .collect();
        let (median, p95) = stats(frames);
        let ok = ms(median) < EVIDENCE_FRAME_MS;
        println!(
            "(c) evidence frame, {:.1} MB notes file at line {} of {lines} ({pages} page-downs): median {:.3} ms, p95 {:.3} ms over {FRAMES} frames  target < {EVIDENCE_FRAME_MS} ms  {}",
            big_file as f64 / MB,
            app.view.as_ref().unwrap().scroll.notes_top,
            ms(median),
            ms(p95),
            verdict(ok)
        );
        results.push((format!("evidence frame < {EVIDENCE_FRAME_MS} ms"), ok));
        info.push(format!(
            "opening the 2 MB handoff (Action::Open): {:.1} ms",
            ms(open)
        ));

        // (d) the peak resident memory so far.
        match vm_hwm_kb() {
            Some(kb) => {
                let mb = kb as f64 / 1024.0;
                let ok = mb < MEMORY_MB;
                println!(
                    "(d) peak resident memory (VmHWM) after (a)-(c): {mb:.1} MB  target < {MEMORY_MB} MB  {}",
                    verdict(ok)
                );
                results.push((format!("peak memory < {MEMORY_MB} MB"), ok));
            }
            None => {
                println!("(d) no /proc/self/status VmHWM on this system  FAIL");
                results.push((format!("peak memory < {MEMORY_MB} MB"), false));
            }
        }

        // Where opening it goes (after (d): this loads the handoff again).
        info.push(open_breakdown(&app.ws, BIG));

        // What every recorded decision costs: the view and the queue reload.
        let t = Instant::now();
        update(&mut app, Action::Refresh);
        info.push(format!(
            "reload after a change (the open 2 MB handoff + {HANDOFFS} queue rows): {:.1} ms",
            ms(t.elapsed())
        ));

        println!();
        for line in &info {
            println!("info: {line}");
        }
        println!("\n{:<30} result", "target");
        for (name, ok) in &results {
            println!("{name:<30} {}", verdict(*ok));
        }
        i32::from(results.iter().any(|(_, ok)| !ok))
    }
}
