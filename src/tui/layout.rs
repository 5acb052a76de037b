//! Where things go on screen, computed once per terminal size, in update: the keys that page
//! or scroll and the views that draw read the same rectangles, so they cannot disagree. (The
//! exercise view's layout also depends on what its result says; `ExerciseState` computes that
//! part, also in update.)

use ratatui::layout::{Constraint, Layout as Split, Rect};

use super::popup;

/// Width from which the exercise's four panes sit side by side.
pub const FOUR_COLUMNS: u16 = 160;
/// Width from which the exercise's panes form a 2x2 grid (below it: tabs, which show each
/// language's state, so the result panel does not repeat it).
pub const GRID: u16 = 100;

/// The areas of every screen for one terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    /// The whole terminal.
    pub screen: Rect,
    /// Everything but the status bar.
    pub body: Rect,
    /// The status bar (the last row).
    pub status: Rect,
    /// The lesson reader and the report: a title over a column of text.
    pub page: Page,
    /// The course map.
    pub map: MapAreas,
    /// The lab.
    pub lab: LabAreas,
    /// Columns the exercise's task is rendered at.
    pub task_width: u16,
    /// Columns the hints and notes in the result panel are rendered at (under an indent).
    pub note_width: u16,
    /// Columns of text inside a text popup.
    pub popup_width: u16,
}

/// The lesson reader's and the report's areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Page {
    /// The title and its rule (two rows).
    pub header: Rect,
    /// Below the title: the text and the lesson's scrollbar.
    pub body: Rect,
    /// The measure the text is rendered at: long lines are hard to read.
    pub measure: u16,
    /// The lesson's text column, centred, with room for the scrollbar.
    pub lesson_text: Rect,
    /// The report's text column, centred.
    pub report_text: Rect,
}

/// The course map's areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MapAreas {
    /// The title row.
    pub title: Rect,
    /// The progress gauge.
    pub gauge: Rect,
    /// The lessons and exercises.
    pub list: Rect,
    /// The detail panel beside the list, from 100 columns.
    pub detail: Option<Rect>,
}

impl MapAreas {
    /// Columns of text in the detail panel (its left border takes one).
    pub fn detail_width(&self) -> Option<u16> {
        self.detail.map(|d| d.width.saturating_sub(1).max(1))
    }
}

/// The lab's areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LabAreas {
    /// The title and its rule.
    pub header: Rect,
    /// Charts and table, or the progress of a run, or the introduction.
    pub body: Rect,
    /// Where the introduction goes (before the first run).
    pub intro: Rect,
    /// Columns the introduction is rendered at.
    pub intro_width: u16,
}

impl Layout {
    /// The layout of a terminal `size` (columns, rows).
    pub fn new(size: (u16, u16)) -> Self {
        let screen = Rect::new(0, 0, size.0, size.1);
        let [body, status] =
            Split::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(screen);
        let [header, page_body] =
            Split::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(body);
        // Long lines are hard to read: cap the measure, keep a margin.
        let measure = size.0.saturating_sub(4).clamp(20, 100);
        // Centre the text column when the terminal is wider than the measure (the lesson
        // keeps a column for its scrollbar).
        let column = |spare: u16| {
            Rect::new(
                page_body.x + page_body.width.saturating_sub(spare) / 2,
                page_body.y,
                measure.min(page_body.width),
                page_body.height,
            )
        };
        let page = Page {
            header,
            body: page_body,
            measure,
            lesson_text: column(measure + 1),
            report_text: column(measure),
        };
        let [title, gauge, list] = Split::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(body);
        let (list, detail) = if list.width >= 100 {
            let [l, d] =
                Split::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
                    .areas(list);
            (l, Some(d))
        } else {
            (list, None)
        };
        let lab = LabAreas {
            header,
            body: page_body,
            intro: Rect::new(
                page_body.x + 1,
                page_body.y,
                page_body.width.saturating_sub(1),
                page_body.height,
            ),
            intro_width: size.0.saturating_sub(2).clamp(10, 100),
        };
        Layout {
            screen,
            body,
            status,
            page,
            map: MapAreas {
                title,
                gauge,
                list,
                detail,
            },
            lab,
            task_width: size.0.saturating_sub(2).max(10),
            note_width: size.0.saturating_sub(3).max(10),
            popup_width: popup::inner_width(size.0),
        }
    }

    /// Rows of lesson (or report) text on screen.
    pub fn page_rows(&self) -> usize {
        self.page.body.height as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_and_the_status_bar_share_the_screen() {
        let l = Layout::new((80, 24));
        assert_eq!(l.status, Rect::new(0, 23, 80, 1));
        assert_eq!(l.page_rows(), 21);
        assert_eq!(l.page.measure, 76);
        // 160 columns: the measure is capped and the column centred.
        let l = Layout::new((160, 48));
        assert_eq!(l.page.measure, 100);
        assert_eq!(l.page.lesson_text.x, 29);
        assert_eq!(l.map.detail_width(), Some(67 - 1));
        assert_eq!(Layout::new((80, 24)).map.detail, None);
    }
}
