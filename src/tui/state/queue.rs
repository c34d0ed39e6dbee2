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

    pub fn set_text_filter(&mut self, text: &str) {
        let keep = self.selected().map(|r| r.id.clone());
        self.text_filter = text.to_string();
        self.recompute(keep.as_deref());
    }

    /// Filter, then sort; the selection stays on `keep` when it is still shown.
    fn recompute(&mut self, keep: Option<&str>) {
        let needle = self.text_filter.trim().to_lowercase();
        let mut scored: Vec<(i64, usize)> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| self.status_filter.admits(&r.status))
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
        scored.sort_by(|a, b| {
            let (ra, rb) = (&rows[a.1], &rows[b.1]);
            let ord = compare(key, ra, rb).then_with(|| ra.id.cmp(&rb.id));
            if self.descending { ord.reverse() } else { ord }
        });
        self.visible = scored.into_iter().map(|(_, i)| i).collect();
        if let Some(id) = keep
            && let Some(pos) = self.visible.iter().position(|&i| self.rows[i].id == id)
        {
            self.cursor.selected = pos;
        }
    }
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

/// A subsequence match of `needle` (already lower-case) in `hay`, scored so
/// that contiguous runs and word starts rank first; `None` when it does not match.
pub fn fuzzy_score(needle: &str, hay: &str) -> Option<i64> {
    let hay: Vec<char> = hay.to_lowercase().chars().collect();
    let mut score = 0i64;
    let mut pos = 0usize;
    let mut last: Option<usize> = None;
    for n in needle.chars() {
        let found = (pos..hay.len()).find(|&i| hay[i] == n)?;
        score += 1;
        if last.is_some_and(|l| l + 1 == found) {
            score += 5;
        }
        if found == 0 || !hay[found - 1].is_alphanumeric() {
            score += 3;
        }
        last = Some(found);
        pos = found + 1;
    }
    Some(score * 100 - hay.len() as i64)
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
        let b = fuzzy_score("bran", "Bellbird Garden centres").unwrap();
        assert!(a > b);
        assert_eq!(fuzzy_score("xq", "Brannock"), None);
    }
}
