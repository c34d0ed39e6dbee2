//! The metrics screen's pilot readout: the readout `baton pilot` prints
//! (computed once, by the workspace), the settings it was computed for, and
//! which of the handoffs behind its numbers is selected.

use crate::metrics::pilot::{Driver, PilotSpec, Readout};
use jiff::civil::Date;

pub struct PilotView {
    pub readout: Readout,
    /// The segments the deals have: what the segment prompt offers.
    pub segments: Vec<String>,
    /// The pilot's first day when none is given (the first handoff's day).
    pub default_since: Date,
    /// The selected driver, counted over every section's lines in order.
    pub selected: usize,
    /// The first row of the scrolling part shown (the view keeps the
    /// selection in sight from here).
    pub scroll: usize,
}

impl PilotView {
    pub fn spec(&self) -> &PilotSpec {
        &self.readout.spec
    }

    /// Every handoff line of the readout, in the order shown.
    pub fn drivers(&self) -> impl Iterator<Item = &Driver> {
        self.readout.sections.iter().flat_map(|s| s.lines.iter())
    }

    pub fn driver_count(&self) -> usize {
        self.readout.sections.iter().map(|s| s.lines.len()).sum()
    }

    pub fn selected_driver(&self) -> Option<&Driver> {
        self.drivers().nth(self.selected)
    }
}

/// A pilot setting a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PilotSetting {
    Since,
    Segment,
    Days,
}
