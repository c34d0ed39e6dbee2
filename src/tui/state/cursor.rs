//! A selection in a list that scrolls: the selected row and the first row
//! shown, kept so the selection stays in view without jumping.

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    /// Move by `delta` rows within `len`, keeping the selection inside a
    /// window of `height` rows.
    pub fn step(&mut self, delta: isize, len: usize, height: usize) {
        if len == 0 {
            *self = Cursor::default();
            return;
        }
        let target = self.selected as isize + delta;
        self.selected = target.clamp(0, len as isize - 1) as usize;
        self.follow(len, height);
    }

    pub fn top(&mut self) {
        *self = Cursor::default();
    }

    pub fn bottom(&mut self, len: usize, height: usize) {
        self.selected = len.saturating_sub(1);
        self.follow(len, height);
    }

    /// Select `row` (clamped) and scroll it into view.
    pub fn select(&mut self, row: usize, len: usize, height: usize) {
        self.selected = row.min(len.saturating_sub(1));
        self.follow(len, height);
    }

    /// Keep the selection in view after the list or the window changed.
    pub fn follow(&mut self, len: usize, height: usize) {
        let height = height.max(1);
        if len == 0 {
            *self = Cursor::default();
            return;
        }
        self.selected = self.selected.min(len - 1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        // No empty space below the last row when the list could fill the window.
        self.offset = self.offset.min(len.saturating_sub(height));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolls_only_when_the_selection_leaves_the_window() {
        let mut c = Cursor::default();
        c.step(4, 100, 5);
        assert_eq!((c.selected, c.offset), (4, 0));
        c.step(1, 100, 5);
        assert_eq!((c.selected, c.offset), (5, 1));
        c.step(-2, 100, 5);
        assert_eq!((c.selected, c.offset), (3, 1));
        c.bottom(100, 5);
        assert_eq!((c.selected, c.offset), (99, 95));
        c.step(10, 100, 5);
        assert_eq!(c.selected, 99);
        c.step(-1000, 100, 5);
        assert_eq!((c.selected, c.offset), (0, 0));
    }

    #[test]
    fn a_shrunk_list_pulls_the_selection_back() {
        let mut c = Cursor {
            selected: 50,
            offset: 48,
        };
        c.follow(10, 5);
        assert_eq!((c.selected, c.offset), (9, 5));
        c.follow(0, 5);
        assert_eq!(c, Cursor::default());
    }
}
