//! `baton analyze BUNDLE [--json]`.

use baton::analysis::analyze;
use baton::bundle;
use baton::report;
use baton::rules::{Rules, user_rules_path};
use std::io::{IsTerminal, Write};
use std::path::Path;

fn rules(builtin_only: bool) -> Result<Rules, String> {
    if builtin_only {
        Ok(Rules::builtin())
    } else {
        Rules::load(user_rules_path().as_deref()).map_err(|e| e.to_string())
    }
}

pub fn run(path: &Path, json: bool, builtin_rules: bool) -> Result<(), String> {
    let rules = rules(builtin_rules)?;
    let bundle = bundle::load(path).map_err(|e| e.to_string())?;
    let analysis = analyze(&bundle, &rules);
    let stdout = std::io::stdout();
    let colour = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    // Streamed through a buffer: the JSON of a 16 MB bundle is never held whole.
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = if json {
        serde_json::to_writer_pretty(&mut out, &analysis)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n"))
    } else {
        out.write_all(report::render(&analysis, colour).as_bytes())
    };
    // A closed pipe (`baton analyze x | head`) is not an error worth a message.
    match written.and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| e.to_string()),
    }
}

pub fn explain(path: &Path, at: &str, builtin_rules: bool) -> Result<(), String> {
    let (file, line) = at
        .rsplit_once(':')
        .and_then(|(f, l)| Some((f, l.parse::<u32>().ok()?)))
        .ok_or_else(|| {
            format!(
                "{}: expected FILE:LINE, e.g. notes/demo.md:12",
                baton::text::sanitize(at)
            )
        })?;
    let rules = rules(builtin_rules)?;
    let bundle = bundle::load(path).map_err(|e| e.to_string())?;
    let explained = baton::analysis::explain(&bundle, &rules, file, line);
    if !bundle.files.iter().any(|f| f.path == file) {
        return Err(format!(
            "{}: no such evidence file in the bundle",
            baton::text::sanitize(file)
        ));
    }
    if explained.is_empty() {
        return Err(format!(
            "{}:{line}: no statement starts on this line",
            baton::text::sanitize(file)
        ));
    }
    let mut out = String::new();
    for e in explained {
        out.push_str(&format!("{}  {:?}\n  {}\n", e.evidence, e.kind, e.text));
        if let Some(s) = &e.speaker {
            out.push_str(&format!("  speaker: {s}\n"));
        }
        if let Some(h) = &e.heading {
            out.push_str(&format!("  heading: {h}\n"));
        }
        out.push_str(&format!("  voice: {:?}\n", e.voice));
        for (name, side) in &e.named {
            out.push_str(&format!("  names {name} ({side:?})\n"));
        }
        for q in &e.quantities {
            out.push_str(&format!("  quantity {q}\n"));
        }
        if let Some([c, r, g]) = &e.learned {
            out.push_str(&format!(
                "  learned: commitment {:.2}, risk {:.2}, goal {:.2}\n",
                c.probability, r.probability, g.probability
            ));
            // What weighs most in each chance: why the model kept, dropped or
            // added the line whatever the rules said.
            for (kind, chance) in [("commitment", c), ("risk", r), ("goal", g)] {
                let mut weights = vec![format!("bias {:+.2}", chance.bias)];
                weights.extend(
                    chance
                        .strongest
                        .iter()
                        .map(|(feature, w)| format!("{w:+.2} {feature}")),
                );
                let (others, sum) = chance.rest;
                if others > 0 {
                    weights.push(format!("{sum:+.2} from {others} more"));
                }
                out.push_str(&format!("    {kind}: {}\n", weights.join(", ")));
            }
        }
        for (lexicon, m) in &e.matches {
            out.push_str(&format!("  matches {lexicon}: {m:?}\n"));
        }
        for f in &e.findings {
            out.push_str(&format!("  found {f}\n"));
        }
    }
    super::session::print(&out)
}
