//! Everything the TUI can do, as one enum. Keys map to actions through the
//! keymap; the app changes state only by applying actions.

macro_rules! named_actions {
    ($($variant:ident => $name:literal, $help:literal;)*) => {
        /// One thing the user asked for. The named ones are what a keymap binds;
        /// the rest carry data from the terminal (typed text, mouse, size, time).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            $($variant,)*
            /// A character typed into a prompt.
            Type(char),
            /// A mouse click at a cell (column, row).
            Click(u16, u16),
            /// The terminal's new size (columns, rows).
            Resize(u16, u16),
            /// Time passed: transient messages expire.
            Tick,
        }

        impl Action {
            /// Every action a keymap can bind, in the order help lists them.
            pub const NAMED: &'static [Action] = &[$(Action::$variant,)*];

            /// The keymap name (`next_conflict`), for the named actions.
            pub fn name(self) -> Option<&'static str> {
                match self {
                    $(Action::$variant => Some($name),)*
                    _ => None,
                }
            }

            /// What the action does, as help shows it.
            pub fn help(self) -> &'static str {
                match self {
                    $(Action::$variant => $help,)*
                    Action::Type(_) => "type a character",
                    Action::Click(..) => "click",
                    Action::Resize(..) => "resize",
                    Action::Tick => "tick",
                }
            }

            pub fn from_name(name: &str) -> Option<Action> {
                match name {
                    $($name => Some(Action::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

named_actions! {
    Quit => "quit", "quit baton";
    Back => "back", "back one level (queue: clear a filter)";
    Help => "help", "show the keys of this screen";
    Refresh => "refresh", "reload from the workspace";
    Metrics => "metrics", "open the metrics screen";
    Messages => "messages", "the message log: what was written, errors";
    Up => "up", "move up";
    Down => "down", "move down";
    PageUp => "page_up", "page up";
    PageDown => "page_down", "page down";
    Top => "top", "go to the top";
    Bottom => "bottom", "go to the bottom";
    Open => "open", "open the selected handoff";
    Filter => "filter", "filter, best match first; enter opens it";
    ClearFilter => "clear_filter", "clear the filters";
    NextStatusFilter => "next_status_filter", "cycle the status filter";
    ShowAll => "show_all", "show every status";
    ShowNeedsReview => "show_needs_review", "show handoffs that need review";
    ShowReturned => "show_returned", "show handoffs returned to the AE";
    ShowPaused => "show_paused", "show handoffs paused by a conflict";
    ShowReady => "show_ready", "show handoffs ready for sign-off";
    ShowApproved => "show_approved", "show approved handoffs";
    SortNext => "sort_next", "sort by the next column";
    SortReverse => "sort_reverse", "reverse the sort order";
    Mine => "mine", "only my open handoffs (as AE or CSM)";
    ScoreParts => "score_parts", "the score and its five parts";
    Import => "import", "import a bundle (tab completes the path)";
    NextTab => "next_tab", "next tab";
    PrevTab => "prev_tab", "previous tab";
    TabBrief => "tab_brief", "brief";
    TabEvidence => "tab_evidence", "evidence: notes and signed scope";
    TabChecklist => "tab_checklist", "promise and scope checklist";
    TabRisks => "tab_risks", "risks";
    TabStakeholders => "tab_stakeholders", "stakeholders";
    TabQuestions => "tab_questions", "questions for the AE";
    TabTasks => "tab_tasks", "kickoff tasks";
    TabActivity => "tab_activity", "this deal's events";
    TabSignOff => "tab_sign_off", "gates and sign-off";
    FocusNext => "focus_next", "switch pane";
    NextConflict => "next_conflict", "next conflict";
    PrevConflict => "prev_conflict", "previous conflict";
    Act => "act", "decide the selected item";
    Accept => "accept", "accept the commitment";
    Reject => "reject", "reject the commitment";
    SendToAe => "send_to_ae", "send the commitment to the AE";
    ShowEvidence => "show_evidence", "show the item's evidence";
    DismissDuplicate => "dismiss_duplicate", "mark a duplicate of another item";
    DismissNotAFinding => "dismiss_not_a_finding", "dismiss as no finding, with a reason";
    View => "view", "the selected row's full text";
    ReturnToAe => "return_to_ae", "return the handoff to the AE";
    Approve => "approve", "approve in your own role (AE or CSM)";
    ConfirmSuccess => "confirm_success", "confirm the success criteria";
    ConfirmFirstValue => "confirm_first_value", "confirm the first-value criteria";
    Resubmit => "resubmit", "record the AE's resubmission";
    Milestone => "milestone", "record kickoff held/moved or first value";
    RecordEscalation => "record_escalation", "record an onboarding escalation";
    RiskCameTrue => "risk_came_true", "the selected risk came true";
    RecordHealth => "record_health", "record customer health at day 30/60/90";
    Export => "export", "export the approved brief to Markdown";
    NextSegment => "next_segment", "metrics of the next segment";
    NextPeriod => "next_period", "metrics of the next period";
    PilotReadout => "pilot_readout", "switch the numbers / the pilot readout";
    PilotSince => "pilot_since", "ask the pilot's first day (empty: default)";
    PilotSegment => "pilot_segment", "pick the pilot's segment";
    PilotDays => "pilot_days", "ask how many days the pilot ran";
    Submit => "submit", "submit";
    Complete => "complete", "complete the path";
    Cancel => "cancel", "cancel";
    DeleteBack => "delete_back", "delete the character before the cursor";
    DeleteForward => "delete_forward", "delete the character under the cursor";
    DeleteWordBack => "delete_word_back", "delete the word before the cursor";
    DeleteToStart => "delete_to_start", "delete everything before the cursor";
    CursorLeft => "cursor_left", "move the cursor left";
    CursorRight => "cursor_right", "move the cursor right";
    LineStart => "line_start", "move the cursor to the start";
    LineEnd => "line_end", "move the cursor to the end";
    Yes => "yes", "confirm";
    No => "no", "decline";
}
