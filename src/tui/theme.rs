//! Colours and emphasis. With colour off (NO_COLOR, or `color = false`) every
//! state stays visible through reverse, bold and underline alone.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// The colours a user may set in `[theme]` (names or `#rrggbb`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeConfig {
    pub accent: Option<String>,
    pub good: Option<String>,
    pub warn: Option<String>,
    pub bad: Option<String>,
    pub dim: Option<String>,
    pub conflict_bg: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub color: bool,
    accent: Color,
    good: Color,
    warn: Color,
    bad: Color,
    dim: Color,
    conflict_bg: Color,
}

fn parse_color(name: &str) -> Result<Color, String> {
    name.parse::<Color>()
        .map_err(|_| format!("unknown colour {name:?} (a name like \"cyan\" or \"#rrggbb\")"))
}

impl Theme {
    pub fn new(color: bool, cfg: &ThemeConfig) -> Result<Theme, String> {
        let pick = |v: &Option<String>, default: Color| -> Result<Color, String> {
            v.as_deref().map_or(Ok(default), parse_color)
        };
        Ok(Theme {
            color,
            accent: pick(&cfg.accent, Color::Cyan)?,
            good: pick(&cfg.good, Color::Green)?,
            warn: pick(&cfg.warn, Color::Yellow)?,
            bad: pick(&cfg.bad, Color::Red)?,
            dim: pick(&cfg.dim, Color::DarkGray)?,
            conflict_bg: pick(&cfg.conflict_bg, Color::Rgb(90, 30, 30))?,
        })
    }

    /// The default theme, coloured or not.
    pub fn plain(color: bool) -> Theme {
        Theme::new(color, &ThemeConfig::default()).expect("default colours parse")
    }

    fn fg(&self, c: Color, fallback: Modifier) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new().add_modifier(fallback)
        }
    }

    pub fn title(&self) -> Style {
        self.fg(self.accent, Modifier::BOLD)
            .add_modifier(Modifier::BOLD)
    }
    pub fn accent(&self) -> Style {
        self.fg(self.accent, Modifier::BOLD)
    }
    pub fn good(&self) -> Style {
        self.fg(self.good, Modifier::empty())
    }
    pub fn warn(&self) -> Style {
        self.fg(self.warn, Modifier::BOLD)
    }
    pub fn bad(&self) -> Style {
        self.fg(self.bad, Modifier::BOLD | Modifier::UNDERLINED)
    }
    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(self.dim)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }
    /// The selected row of a list or table.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    /// A statement on one side of a conflict.
    pub fn conflict(&self) -> Style {
        if self.color {
            Style::new().bg(self.conflict_bg)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }
    /// The conflict `n`/`N` went to.
    pub fn current_conflict(&self) -> Style {
        if self.color {
            Style::new()
                .bg(self.bad)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
        }
    }
    /// What the two sides of a conflict disagree on ("4 weeks", "week 6"):
    /// the same on both sides, since neither is the right one until decided.
    pub fn disagreeing(&self) -> Style {
        self.fg(self.warn, Modifier::empty())
            .add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    /// The status bar.
    pub fn bar(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_colour_still_marks_state_with_modifiers() {
        let t = Theme::plain(false);
        for s in [
            t.selected(),
            t.bad(),
            t.conflict(),
            t.current_conflict(),
            t.warn(),
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
            assert!(!s.add_modifier.is_empty());
        }
        assert_ne!(t.conflict(), t.current_conflict());
    }

    #[test]
    fn colours_come_from_config_and_bad_ones_are_refused() {
        let cfg = ThemeConfig {
            accent: Some("#ff8800".into()),
            ..Default::default()
        };
        let t = Theme::new(true, &cfg).unwrap();
        assert_eq!(t.accent().fg, Some(Color::Rgb(255, 136, 0)));
        let bad = ThemeConfig {
            bad: Some("blurple".into()),
            ..Default::default()
        };
        assert!(Theme::new(true, &bad).unwrap_err().contains("blurple"));
    }
}
