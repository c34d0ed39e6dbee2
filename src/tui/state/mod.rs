//! The TUI's state: which screen is up, the queue, the open handoff, the
//! metrics, an overlay (help or a prompt) and the status line. It changes
//! only in `update`, by applying actions; the view only reads it.

pub mod cursor;
pub mod evidence;
pub mod field;
pub mod flow;
pub mod handoff;
pub mod queue;

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
}

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
    pub overlay: Option<Overlay>,
    pub status: Option<StatusLine>,
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
            overlay: None,
            status: None,
            banner: None,
            quit: false,
        };
        if app.actor.is_none() {
            app.error(super::update::WHO_IS_THIS.to_string());
        }
        Ok(app)
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(StatusLine {
            text: text.into(),
            error: false,
            ttl: STATUS_TICKS,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(StatusLine {
            text: text.into(),
            error: true,
            ttl: STATUS_TICKS * 2,
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
            Some(Overlay::Filter { .. }) => return Section::Input,
            Some(Overlay::Prompt { step, .. }) => {
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
