//! The queue: every handoff in the workspace, filtered (status, fuzzy text)
//! and sorted. The rows are loaded once per refresh; filtering and sorting
//! keep a list of indices, so a 10,000-row queue redraws in microseconds.

use super::cursor::Cursor;
use crate::workspace::QueueRow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Kickoff,
    Status,
    Score,
    Deal,
    Account,
    Updated,
}

impl SortKey {
    const ORDER: [SortKey; 6] = [
        SortKey::Kickoff,
        SortKey::Status,
        SortKey::Score,
        SortKey::Deal,
        SortKey::Account,
        SortKey::Updated,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Kickoff => "kickoff",
            SortKey::Status => "status",
            SortKey::Score => "score",
            SortKey::Deal => "deal",
            SortKey::Account => "account",
            SortKey::Updated => "updated",
        }
    }

    fn next(self) -> SortKey {
        let i = Self::ORDER.iter().position(|k| *k == self).unwrap_or(0);
        Self::ORDER[(i + 1) % Self::ORDER.len()]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    All,
    NeedsReview,
    Returned,
    Paused,
    Ready,
    Approved,
}

impl StatusFilter {
    const ORDER: [StatusFilter; 6] = [
        StatusFilter::All,
        StatusFilter::NeedsReview,
        StatusFilter::Returned,
        StatusFilter::Paused,
        StatusFilter::Ready,
        StatusFilter::Approved,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::All => "all",
            StatusFilter::NeedsReview => "needs review",
            StatusFilter::Returned => "returned",
            StatusFilter::Paused => "paused",
            StatusFilter::Ready => "ready",
            StatusFilter::Approved => "approved",
        }
    }

    pub fn next(self) -> StatusFilter {
        let i = Self::ORDER.iter().position(|k| *k == self).unwrap_or(0);
        Self::ORDER[(i + 1) % Self::ORDER.len()]
    }

    fn admits(self, status: &str) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::NeedsReview => matches!(status, "new" | "in_review"),
            StatusFilter::Returned => status == "returned_to_ae",
            StatusFilter::Paused => status == "paused",
            StatusFilter::Ready => status == "ready_for_sign_off",
            StatusFilter::Approved => matches!(status, "approved" | "kicked_off"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct QueueState {
    pub rows: Vec<QueueRow>,
    /// Indices into `rows`: what passes the filters, in sort order.
    pub visible: Vec<usize>,
    pub cursor: Cursor,
    pub sort: SortKey,
    pub descending: bool,
    pub text_filter: String,
    pub status_filter: StatusFilter,
    /// Only the open handoffs (not approved or kicked off) this person is
    /// the AE or CSM of: the "mine" filter.
    pub mine: Option<String>,
}

impl QueueState {
    pub fn new(rows: Vec<QueueRow>) -> QueueState {
        let mut q = QueueState {
            rows,
            visible: vec![],
            cursor: Cursor::default(),
            sort: SortKey::Kickoff,
            descending: false,
            text_filter: String::new(),
            status_filter: StatusFilter::All,
            mine: None,
        };
        q.recompute(None);
        q
    }

    pub fn selected(&self) -> Option<&QueueRow> {
        self.visible
            .get(self.cursor.selected)
            .map(|&i| &self.rows[i])
    }

    /// Replace the rows (a refresh), keeping the selection on the same deal.
    pub fn reload(&mut self, rows: Vec<QueueRow>) {
        let keep = self.selected().map(|r| r.id.clone());
        self.rows = rows;
        self.recompute(keep.as_deref());
    }

    pub fn set_sort(&mut self, key: Option<SortKey>, reverse: bool) {
        let keep = self.selected().map(|r| r.id.clone());
        if let Some(k) = key {
            self.sort = k;
        } else if !reverse {
            self.sort = self.sort.next();
        }
        if reverse {
            self.descending = !self.descending;
        }
        self.recompute(keep.as_deref());
    }

    pub fn set_status_filter(&mut self, f: StatusFilter) {
        let keep = self.selected().map(|r| r.id.clone());
        self.status_filter = f;
        self.recompute(keep.as_deref());
    }

    /// Filter by typed text: the rows rank best match first, and the best
    /// match is selected, so Enter opens what was typed for.
    pub fn set_text_filter(&mut self, text: &str) {
        let keep = self.selected().map(|r| r.id.clone());
        self.text_filter = text.to_string();
        self.recompute(keep.as_deref());
        if self.ranked() {
            self.cursor = Cursor::default();
        }
    }

    pub fn set_mine(&mut self, me: Option<String>) {
        let keep = self.selected().map(|r| r.id.clone());
        self.mine = me;
        self.recompute(keep.as_deref());
    }

    /// Whether the rows are in match order (a text filter is typed).
    pub fn ranked(&self) -> bool {
        !self.text_filter.trim().is_empty()
    }

    /// Filter, then sort; the selection stays on `keep` when it is still shown.
    fn recompute(&mut self, keep: Option<&str>) {
        let needle = self.text_filter.trim().to_lowercase();
        let mut scored: Vec<(i64, usize)> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| self.status_filter.admits(&r.status))
            .filter(|(_, r)| self.mine.as_deref().is_none_or(|me| is_mine(r, me)))
            .filter_map(|(i, r)| {
                if needle.is_empty() {
                    return Some((0, i));
                }
                let fields = [
                    Some(r.id.as_str()),
                    r.name.as_deref(),
                    r.account.as_deref(),
                    r.ae.as_deref(),
                    r.csm.as_deref(),
                ];
                fields
                    .into_iter()
                    .flatten()
                    .filter_map(|f| fuzzy_score(&needle, f))
                    .max()
                    .map(|s| (s, i))
            })
            .collect();
        let rows = &self.rows;
        let key = self.sort;
        let ranked = !needle.is_empty();
        scored.sort_by(|a, b| {
            let (ra, rb) = (&rows[a.1], &rows[b.1]);
            let ord = compare(key, ra, rb).then_with(|| ra.id.cmp(&rb.id));
            let ord = if self.descending { ord.reverse() } else { ord };
            // Best match first; the sort orders equal matches.
            if ranked { b.0.cmp(&a.0).then(ord) } else { ord }
        });
        self.visible = scored.into_iter().map(|(_, i)| i).collect();
        if let Some(id) = keep
            && let Some(pos) = self.visible.iter().position(|&i| self.rows[i].id == id)
        {
            self.cursor.selected = pos;
        }
    }
}

/// An open handoff (not yet approved) of which `me` is the AE or the CSM.
fn is_mine(r: &QueueRow, me: &str) -> bool {
    let open = !matches!(r.status.as_str(), "approved" | "kicked_off");
    let named = [&r.ae, &r.csm]
        .into_iter()
        .flatten()
        .any(|who| crate::handoff::same_person(who, me));
    open && named
}

/// Status in the order a CSM works through them.
fn status_rank(s: &str) -> u8 {
    match s {
        "returned_to_ae" => 0,
        "paused" => 1,
        "new" => 2,
        "in_review" => 3,
        "ready_for_sign_off" => 4,
        "approved" => 5,
        "kicked_off" => 6,
        _ => 7,
    }
}

fn compare(key: SortKey, a: &QueueRow, b: &QueueRow) -> std::cmp::Ordering {
    // Kicked-off handoffs need no triage and sort after the rest; then the
    // ones without a kickoff date, which cannot be late yet.
    let kickoff = |r: &QueueRow| (r.status == "kicked_off", r.kickoff.is_none(), r.kickoff);
    match key {
        SortKey::Kickoff => kickoff(a).cmp(&kickoff(b)),
        SortKey::Status => status_rank(&a.status).cmp(&status_rank(&b.status)),
        SortKey::Score => a.score.cmp(&b.score),
        SortKey::Deal => a.id.cmp(&b.id),
        SortKey::Account => a
            .account
            .as_deref()
            .unwrap_or("")
            .to_lowercase()
            .cmp(&b.account.as_deref().unwrap_or("").to_lowercase()),
        SortKey::Updated => b.updated_at.cmp(&a.updated_at),
    }
}

/// How well `needle` (already lower-case) matches `hay`; `None` when it
/// does not. The text itself ranks first (at the start of `hay`, then at a
/// word start, then anywhere), then its letters in order, scored so that
/// contiguous runs and word starts count. Letters scattered over the text
/// (in more runs than about half the needle, or over more than three times
/// its length) are no match: "brann" is in "Brannock" but not in "bellBiRd
/// gArdeN ceNtres" or "mBeki aRchitects: plotline resource plANNing".
pub fn fuzzy_score(needle: &str, hay: &str) -> Option<i64> {
    const CONTIGUOUS: i64 = 100_000_000;
    let hay: Vec<char> = hay.to_lowercase().chars().collect();
    let needle: Vec<char> = needle.chars().collect();
    if needle.is_empty() {
        return Some(0);
    }
    let word_start = |i: usize| i == 0 || !hay[i - 1].is_alphanumeric();
    let len = hay.len() as i64;
    let contiguous = (0..hay.len().saturating_sub(needle.len() - 1))
        .filter(|&i| hay[i..i + needle.len()] == needle[..])
        .map(|i| match i {
            0 => 3,
            i if word_start(i) => 2,
            _ => 1,
        })
        .max();
    if let Some(place) = contiguous {
        return Some(place * CONTIGUOUS - len);
    }
    // Letters in order, tried from each place the first one is: the best
    // alignment that is not scattered.
    (0..hay.len())
        .filter(|&i| hay[i] == needle[0])
        .filter_map(|start| {
            // The text's own start counts most, then word starts, then runs.
            let mut score = if start == 0 { 4 } else { 0 };
            let mut pos = start;
            let mut last: Option<usize> = None;
            let mut runs = 0usize;
            for &n in &needle {
                let found = (pos..hay.len()).find(|&i| hay[i] == n)?;
                score += 1;
                if last.is_some_and(|l| l + 1 == found) {
                    score += 5;
                } else {
                    runs += 1;
                }
                if word_start(found) {
                    score += 3;
                }
                last = Some(found);
                pos = found + 1;
            }
            let span = last? + 1 - start;
            let scattered = runs > needle.len().div_ceil(2) + 1 || span > 3 * needle.len() + 2;
            // Tighter first, then shorter texts.
            (!scattered).then_some(score * 1000 - span as i64 * 10 - len)
        })
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, status: &str, kickoff: Option<&str>, account: &str) -> QueueRow {
        QueueRow {
            id: id.into(),
            name: None,
            account: Some(account.into()),
            segment: None,
            ae: Some("Noor Haddad".into()),
            csm: None,
            status: status.into(),
            kickoff: kickoff.map(|d| d.parse().unwrap()),
            score: Some(50),
            commitments_to_review: 0,
            open_conflicts: 0,
            unowned_risks: 0,
            open_questions: 0,
            updated_at: String::new(),
        }
    }

    fn ids(q: &QueueState) -> Vec<&str> {
        q.visible.iter().map(|&i| q.rows[i].id.as_str()).collect()
    }

    fn sample() -> QueueState {
        QueueState::new(vec![
            row("E", "kicked_off", Some("2026-04-20"), "Larkspur"),
            row("A", "approved", Some("2026-09-20"), "Brannock Hotels"),
            row("B", "new", None, "Bellbird Garden"),
            row(
                "C",
                "returned_to_ae",
                Some("2026-09-07"),
                "Saltmarsh Health",
            ),
            row("D", "paused", Some("2026-09-10"), "Vredeborg Metaal"),
        ])
    }

    #[test]
    fn sorted_by_kickoff_with_undated_last_and_reversible() {
        let mut q = sample();
        assert_eq!(ids(&q), ["C", "D", "A", "B", "E"]);
        q.set_sort(None, true);
        assert_eq!(ids(&q), ["E", "B", "A", "D", "C"]);
        q.set_sort(Some(SortKey::Status), false);
        // Still descending: approved last in the working order, so first here.
        assert_eq!(ids(&q), ["E", "A", "B", "D", "C"]);
    }

    #[test]
    fn status_and_fuzzy_filters_combine_and_keep_the_selection() {
        let mut q = sample();
        q.cursor.selected = 1; // D
        q.set_status_filter(StatusFilter::NeedsReview);
        assert_eq!(ids(&q), ["B"]);
        q.set_status_filter(StatusFilter::All);
        q.set_text_filter("vrdbg");
        assert_eq!(ids(&q), ["D"]);
        q.set_text_filter("noor");
        assert_eq!(ids(&q).len(), 5, "the AE's name matches every row");
        q.set_text_filter("zzz");
        assert!(q.selected().is_none());
    }

    #[test]
    fn fuzzy_prefers_contiguous_word_starts() {
        let a = fuzzy_score("bran", "Brannock Hotels").unwrap();
        let b = fuzzy_score("bran", "Bellbird Garden centres");
        assert!(b.is_none_or(|b| a > b));
        assert_eq!(fuzzy_score("xq", "Brannock"), None);
        // Text beats scattered letters, a word start beats the middle of one.
        let word = fuzzy_score("ock", "the ock lane").unwrap();
        let inside = fuzzy_score("ock", "brannock").unwrap();
        let spread = fuzzy_score("ock", "o c k").unwrap();
        assert!(word > inside && inside > spread, "{word} {inside} {spread}");
        // Letters in order but scattered all over are no match.
        assert_eq!(
            fuzzy_score("brann", "bellbird garden centres pty ltd"),
            None
        );
        let far = "Larkspur & Mbeki Architects: Plotline resource planning";
        assert_eq!(fuzzy_score("brann", far), None);
        assert!(fuzzy_score("dw", "Dana Whitfield").is_some(), "initials");
        // Letters from the start of the text beat the same letters later.
        let start = fuzzy_score("slt", "Saltmarsh Home Health Services, LLC").unwrap();
        let later = fuzzy_score("slt", "Bellbird Garden Centres Pty Ltd").unwrap();
        assert!(start > later, "{start} {later}");
        assert!(fuzzy_score("vrdbg", "Vredeborg Metaal B.V.").is_some());
    }

    #[test]
    fn a_text_filter_ranks_the_best_match_first_and_selects_it() {
        let mut q = sample();
        q.rows[3].account = Some("Basalt Works".into()); // C, kickoff first
        q.rows[4].account = Some("Saltmarsh Vredeborg".into()); // D
        q.set_text_filter("");
        q.cursor.selected = 0;
        assert_eq!(ids(&q)[..2], ["C", "D"], "kickoff order");
        q.set_text_filter("salt");
        // "salt" starts Saltmarsh and is inside Basalt: best match first.
        assert_eq!(ids(&q), ["D", "C"]);
        assert_eq!(q.cursor.selected, 0, "the best match is selected");
        assert_eq!(q.selected().unwrap().id, "D");
        q.set_text_filter("");
        assert_eq!(ids(&q)[..2], ["C", "D"], "no text: the sort again");
    }

    #[test]
    fn mine_keeps_my_open_handoffs_as_ae_or_csm() {
        let mut q = sample();
        q.rows[2].csm = Some("Dev Anand".into()); // B, new
        q.rows[1].csm = Some("Dev Anand".into()); // A, approved: not open
        q.set_mine(Some("dev  anand".into()));
        assert_eq!(ids(&q), ["B"]);
        q.set_mine(Some("Noor Haddad".into()));
        assert_eq!(
            ids(&q),
            ["C", "D", "B"],
            "the AE of every row, the open ones"
        );
        q.set_mine(None);
        assert_eq!(ids(&q).len(), 5);
    }
}
