//! The TUI's state: which screen is up, the queue, the open handoff, the
//! metrics, an overlay (help or a prompt) and the status line. It changes
//! only in `update`, by applying actions; the view only reads it.

pub mod cursor;
pub mod evidence;
pub mod field;
pub mod flow;
pub mod handoff;
pub mod paths;
pub mod pilot;
pub mod queue;
pub mod viewer;

use super::config::TuiConfig;
use crate::handoff::{Actor, Ctx};
use crate::metrics::{Metrics, Week};
use crate::workspace::Workspace;
use flow::{Flow, Step};
use handoff::HandoffView;
use jiff::Timestamp;
use jiff::civil::Date;
use queue::QueueState;
use std::time::Instant;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Queue,
    Handoff,
    Metrics,
    /// The metrics screen's other view: the pilot readout.
    Pilot,
}

/// "Now" for the records a change writes.
#[derive(Debug, Clone, Copy)]
pub enum Clock {
    /// The system clock.
    System,
    /// A fixed time (BATON_NOW, tests).
    Fixed(Timestamp),
    /// A demo clock: a fixed start that runs on from when the app started.
    From(Timestamp, Instant),
}

impl Clock {
    pub fn now(&self) -> Timestamp {
        match self {
            Clock::System => Timestamp::now(),
            Clock::Fixed(t) => *t,
            Clock::From(t, started) => {
                let run = jiff::SignedDuration::try_from(started.elapsed()).unwrap_or_default();
                t.checked_add(run).unwrap_or(*t)
            }
        }
    }

    pub fn today(&self) -> Date {
        self.now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date()
    }
}

pub enum Overlay {
    Help {
        scroll: usize,
    },
    /// One step of a flow.
    Prompt {
        flow: Flow,
        step: Step,
    },
    /// The queue's fuzzy filter, applied as it is typed.
    Filter {
        text: field::TextField,
        before: String,
    },
    /// Quit was asked with typed text not saved: the overlay it was asked
    /// over comes back on a no.
    ConfirmQuit {
        kept: Option<Box<Overlay>>,
    },
    /// A scrollable full-text view (a row, the score's parts, the message log).
    Viewer(viewer::Viewer),
    /// One setting of the pilot readout (its first day, segment, days).
    PilotPrompt {
        setting: pilot::PilotSetting,
        step: Step,
    },
    /// The path of a bundle to import, with Tab completion.
    Import {
        text: field::TextField,
        /// Why the last path was refused, shown under the field.
        error: Option<String>,
        /// What Tab found when the path has several completions.
        choices: Vec<String>,
    },
}

impl Overlay {
    /// Whether text typed here would be lost: an edited field, or a flow
    /// holding a typed answer.
    pub fn holds_typed_text(&self) -> bool {
        match self {
            Overlay::Prompt { flow, step } => {
                let typed_before = flow
                    .answers
                    .iter()
                    .any(|a| matches!(a, flow::Answer::Text(t) if !t.trim().is_empty()));
                let typing = matches!(step, Step::Text { text, .. } if text.edited());
                typed_before || typing
            }
            Overlay::Import { text, .. } => text.edited(),
            Overlay::PilotPrompt { step, .. } => {
                matches!(step, Step::Text { text, .. } if text.edited())
            }
            Overlay::ConfirmQuit { kept } => kept.as_ref().is_some_and(|k| k.holds_typed_text()),
            Overlay::Help { .. } | Overlay::Filter { .. } | Overlay::Viewer(_) => false,
        }
    }
}

/// A status message as the message log keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub at: Timestamp,
    pub error: bool,
    pub text: String,
}

/// How many status messages the log keeps (the oldest go first).
const LOG_KEPT: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    pub text: String,
    pub error: bool,
    /// Ticks left before it clears.
    pub ttl: u16,
}

pub struct MetricsView {
    pub metrics: Metrics,
    pub weeks: Vec<Week>,
    pub filter: MetricsFilter,
    /// The segments the deals have, in order: what the segment filter steps through.
    pub segments: Vec<String>,
}

/// Which deals and weeks the metrics screen counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetricsFilter {
    /// Only deals of this segment; `None`: every segment.
    pub segment: Option<String>,
    /// Only handoffs created in the last this many weeks (Monday weeks,
    /// this one included); `None`: all time.
    pub weeks: Option<usize>,
}

impl MetricsFilter {
    /// The periods `next_period` steps through, all time last.
    pub const PERIODS: [Option<usize>; 5] = [Some(4), Some(12), Some(26), Some(52), None];

    pub fn period_label(&self) -> String {
        match self.weeks {
            Some(n) => format!("last {n} weeks"),
            None => "all time".into(),
        }
    }

    pub fn segment_label(&self) -> &str {
        self.segment.as_deref().unwrap_or("all")
    }
}

pub struct App {
    pub ws: Workspace,
    pub config: TuiConfig,
    /// Who acts; `None` until configured (changes are refused with a hint).
    pub actor: Option<Actor>,
    pub clock: Clock,
    pub today: Date,
    /// Columns, rows.
    pub size: (u16, u16),
    pub screen: Screen,
    /// Where Back from the metrics goes.
    pub metrics_from: Screen,
    pub queue: QueueState,
    pub view: Option<HandoffView>,
    pub metrics: Option<MetricsView>,
    /// The pilot readout of the metrics screen, once shown.
    pub pilot: Option<pilot::PilotView>,
    /// Where Back from the open handoff goes: the queue, or the pilot
    /// readout it was opened from.
    pub handoff_from: Screen,
    pub overlay: Option<Overlay>,
    pub status: Option<StatusLine>,
    /// Every status message of this session, oldest first (the message log).
    pub messages: Vec<Message>,
    /// The tabs of the open handoff a jump left (`v` to the evidence), so
    /// Back returns there before it returns to the queue.
    pub came_from: Vec<handoff::Tab>,
    /// A note that this is the demo workspace, shown in the header.
    pub banner: Option<String>,
    pub quit: bool,
}

/// About five seconds at the event loop's tick.
const STATUS_TICKS: u16 = 20;

impl App {
    pub fn new(
        ws: Workspace,
        config: TuiConfig,
        actor: Option<Actor>,
        clock: Clock,
        size: (u16, u16),
    ) -> crate::workspace::Result<App> {
        let queue = QueueState::new(ws.queue()?);
        let mut app = App {
            ws,
            config,
            actor,
            clock,
            today: clock.today(),
            size,
            screen: Screen::Queue,
            metrics_from: Screen::Queue,
            queue,
            view: None,
            metrics: None,
            pilot: None,
            handoff_from: Screen::Queue,
            overlay: None,
            status: None,
            messages: Vec::new(),
            came_from: Vec::new(),
            banner: None,
            quit: false,
        };
        if app.actor.is_none() {
            app.error(super::update::WHO_IS_THIS.to_string());
        }
        Ok(app)
    }

    pub fn info(&mut self, text: impl Into<String>) {
        let text = text.into();
        self.log(&text, false);
        self.status = Some(StatusLine {
            text,
            error: false,
            ttl: STATUS_TICKS,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        let text = text.into();
        self.log(&text, true);
        self.status = Some(StatusLine {
            text,
            error: true,
            ttl: STATUS_TICKS * 2,
        });
    }

    fn log(&mut self, text: &str, error: bool) {
        if self.messages.len() >= LOG_KEPT {
            self.messages.remove(0);
        }
        self.messages.push(Message {
            at: self.clock.now(),
            error,
            text: text.to_string(),
        });
    }

    /// The context a change is written with, or why there is none.
    pub fn ctx(&self) -> Result<Ctx, String> {
        let actor = self
            .actor
            .clone()
            .ok_or_else(|| super::update::WHO_IS_THIS.to_string())?;
        Ok(Ctx {
            actor,
            now: self.clock.now(),
            team: self.config.signers.clone(),
            may_invalidate_approvals: false,
        })
    }

    /// The keymap section the current screen (and overlay) reads keys from.
    pub fn section(&self) -> super::keymap::Section {
        use super::keymap::Section;
        match &self.overlay {
            Some(Overlay::Help { .. }) => return Section::Help,
            Some(Overlay::Filter { .. } | Overlay::Import { .. }) => return Section::Input,
            Some(Overlay::ConfirmQuit { .. }) => return Section::Confirm,
            Some(Overlay::Viewer(_)) => return Section::Viewer,
            Some(Overlay::Prompt { step, .. } | Overlay::PilotPrompt { step, .. }) => {
                return match step {
                    Step::Pick { .. } => Section::Picker,
                    Step::Text { .. } => Section::Input,
                    Step::Confirm { .. } => Section::Confirm,
                };
            }
            None => {}
        }
        self.screen_section()
    }

    /// The section of the screen itself, under any overlay: what help
    /// describes and what hints on the screen refer to.
    pub fn screen_section(&self) -> super::keymap::Section {
        use super::keymap::Section;
        match self.screen {
            Screen::Queue => Section::Queue,
            Screen::Metrics => Section::Metrics,
            Screen::Pilot => Section::Pilot,
            Screen::Handoff => match self.view.as_ref().map(|v| v.tab) {
                Some(handoff::Tab::Brief) | None => Section::Brief,
                Some(handoff::Tab::Evidence) => Section::Evidence,
                Some(handoff::Tab::Checklist) => Section::Checklist,
                Some(handoff::Tab::Risks) => Section::Risks,
                Some(handoff::Tab::Stakeholders) => Section::Stakeholders,
                Some(handoff::Tab::Questions) => Section::Questions,
                Some(handoff::Tab::Tasks) => Section::Tasks,
                Some(handoff::Tab::Activity) => Section::Activity,
                Some(handoff::Tab::SignOff) => Section::SignOff,
            },
        }
    }
}
