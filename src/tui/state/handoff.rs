//! One open handoff: what was loaded from the workspace for it (the handoff,
//! its gates, approvals, events and evidence) and where the reviewer is in
//! each tab.

use super::cursor::Cursor;
use super::evidence::{Evidence, Side};
use crate::handoff::{Event, Gate, Handoff, Item, ItemKind, LiveBrief, gates, live, review_hash};
use crate::workspace::{ApprovalRecord, Workspace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Brief,
    Evidence,
    Checklist,
    Risks,
    Stakeholders,
    Questions,
    Tasks,
    Activity,
    SignOff,
}

impl Tab {
    pub const ALL: [Tab; 9] = [
        Tab::Brief,
        Tab::Evidence,
        Tab::Checklist,
        Tab::Risks,
        Tab::Stakeholders,
        Tab::Questions,
        Tab::Tasks,
        Tab::Activity,
        Tab::SignOff,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Brief => "Brief",
            Tab::Evidence => "Evidence",
            Tab::Checklist => "Checklist",
            Tab::Risks => "Risks",
            Tab::Stakeholders => "Stakeholders",
            Tab::Questions => "Questions",
            Tab::Tasks => "Tasks",
            Tab::Activity => "Activity",
            Tab::SignOff => "Sign-off",
        }
    }

    /// The title on a narrow screen.
    pub fn short_title(self) -> &'static str {
        match self {
            Tab::Brief => "Brief",
            Tab::Evidence => "Evid",
            Tab::Checklist => "Check",
            Tab::Risks => "Risks",
            Tab::Stakeholders => "People",
            Tab::Questions => "Qs",
            Tab::Tasks => "Tasks",
            Tab::Activity => "Log",
            Tab::SignOff => "Sign",
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub fn step(self, delta: isize) -> Tab {
        let n = Tab::ALL.len() as isize;
        Tab::ALL[((self.index() as isize + delta).rem_euclid(n)) as usize]
    }
}

/// Where the evidence panes are scrolled and which has focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EvidenceScroll {
    pub focus: Side,
    /// First pane line shown, per pane.
    pub notes_top: usize,
    pub scope_top: usize,
    /// The conflict `n`/`N` last went to (index into `Evidence::conflicts`).
    pub current: Option<usize>,
    /// A line to mark after a jump from another tab (side, pane line).
    pub target: Option<(Side, usize)>,
}

pub struct HandoffView {
    pub h: Handoff,
    /// The brief as the decisions stand (what `show` and `export` read).
    pub live: LiveBrief,
    pub gates: Vec<Gate>,
    pub hash: String,
    pub approvals: Vec<ApprovalRecord>,
    pub events: Vec<Event>,
    pub evidence: Evidence,
    /// The drafted brief of the analysis (scope summary, timeline).
    pub drafted: serde_json::Value,
    pub tab: Tab,
    /// One cursor per tab (a tab's rows, or its scroll for text tabs).
    pub cursors: [Cursor; 9],
    pub scroll: EvidenceScroll,
}

impl HandoffView {
    pub fn load(ws: &Workspace, deal: &str) -> crate::workspace::Result<HandoffView> {
        let h = ws.handoff(deal)?;
        let files = ws.files(deal)?;
        let evidence = Evidence::build(files, &h);
        Ok(HandoffView {
            live: live(&h),
            gates: gates(&h),
            hash: review_hash(&h),
            approvals: ws.approval_history(deal)?,
            events: ws.events(None, Some(deal))?,
            drafted: ws.drafted_brief(deal)?,
            evidence,
            h,
            tab: Tab::Brief,
            cursors: [Cursor::default(); 9],
            scroll: EvidenceScroll {
                focus: Side::Notes,
                notes_top: 0,
                scope_top: 0,
                current: None,
                target: None,
            },
        })
    }

    /// Reload after a change, keeping the tab and positions. The evidence
    /// and the drafted brief only change with a new revision (a re-import),
    /// so a review decision keeps them instead of re-reading 2 MB of notes.
    pub fn reload(&mut self, ws: &Workspace) -> crate::workspace::Result<()> {
        let deal = self.h.deal.id.clone();
        let h = ws.handoff(&deal)?;
        if h.revision != self.h.revision {
            let fresh = HandoffView::load(ws, &deal)?;
            let (tab, cursors) = (self.tab, self.cursors);
            *self = HandoffView {
                tab,
                cursors,
                ..fresh
            };
            return Ok(());
        }
        self.live = live(&h);
        self.gates = gates(&h);
        self.hash = review_hash(&h);
        self.approvals = ws.approval_history(&deal)?;
        self.events = ws.events(None, Some(&deal))?;
        self.h = h;
        Ok(())
    }

    pub fn cursor(&self) -> Cursor {
        self.cursors[self.tab.index()]
    }

    pub fn cursor_mut(&mut self) -> &mut Cursor {
        &mut self.cursors[self.tab.index()]
    }

    /// The checklist: every commitment and conflict (what must be reviewed),
    /// then the goals (whose buyer/user split a reviewer can correct). An
    /// item dismissed as a duplicate is no row: it is a mention of its item.
    pub fn checklist(&self) -> Vec<&Item> {
        let of = |k| {
            self.h
                .items_of(k)
                .filter(|i| i.decision.duplicate_of().is_none())
        };
        of(ItemKind::Commitment)
            .chain(of(ItemKind::Conflict))
            .chain(of(ItemKind::Goal))
            .collect()
    }

    pub fn risks(&self) -> Vec<&Item> {
        self.h
            .items_of(ItemKind::Risk)
            .filter(|i| i.decision.duplicate_of().is_none())
            .collect()
    }

    /// How many times the claim of `item` is said: its mentions and those
    /// of the items dismissed as its duplicates.
    pub fn mention_count(&self, item: &Item) -> usize {
        item.mention_count()
            + self
                .h
                .duplicates_of(&item.id)
                .map(Item::mention_count)
                .sum::<usize>()
    }

    pub fn questions(&self) -> Vec<&Item> {
        self.h.items_of(ItemKind::Question).collect()
    }

    /// How many rows the current tab's list has (0 for text tabs).
    pub fn rows(&self) -> usize {
        self.rows_in(self.tab)
    }

    /// How many rows `tab`'s list has (0 for text tabs).
    pub fn rows_in(&self, tab: Tab) -> usize {
        match tab {
            Tab::Checklist => self.checklist().len(),
            Tab::Risks => self.risks().len(),
            Tab::Questions => self.questions().len(),
            Tab::Stakeholders => self.h.brief.stakeholders.len(),
            Tab::Tasks => self.h.brief.tasks.len(),
            Tab::Activity => self.events.len(),
            Tab::Brief | Tab::Evidence | Tab::SignOff => 0,
        }
    }

    /// The item under the cursor in a list tab.
    pub fn selected_item(&self) -> Option<&Item> {
        let i = self.cursor().selected;
        match self.tab {
            Tab::Checklist => self.checklist().get(i).copied(),
            Tab::Risks => self.risks().get(i).copied(),
            Tab::Questions => self.questions().get(i).copied(),
            _ => None,
        }
    }

    /// The citations of what is under the cursor, for "show evidence".
    pub fn selected_cites(&self) -> Vec<crate::handoff::Cite> {
        let i = self.cursor().selected;
        match self.tab {
            Tab::Stakeholders => self
                .h
                .brief
                .stakeholders
                .get(i)
                .map(|p| p.evidence.clone())
                .unwrap_or_default(),
            Tab::Tasks => self
                .h
                .brief
                .tasks
                .get(i)
                .map(|t| t.evidence.clone())
                .unwrap_or_default(),
            _ => self
                .selected_item()
                .map(|it| it.evidence.clone())
                .unwrap_or_default(),
        }
    }
}
