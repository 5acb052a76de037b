//! Tables: columns sized to their content, shrunk and wrapped when the screen is narrower.
//!
//! Layout, with no outer border so narrow screens keep their columns:
//!
//! ```text
//! Command      │ Median
//! ─────────────┼───────
//! Go binary    │ 1–2 ms
//! ```
//!
//! When any body row needs more than one line, rows are separated by `─┼─` rules too, so wrapped
//! cells cannot be mistaken for rows.

use pulldown_cmark::Alignment;
use ratatui::text::Span;

use super::wrap::{Frag, measure, push_span, width_of, wrap};
use crate::theme::Theme;

/// Between two columns.
const SEPARATOR: &str = " │ ";
const SEPARATOR_WIDTH: usize = 3;

/// A table being collected from parser events.
#[derive(Debug, Default)]
pub(super) struct Table {
    /// Alignment per column, from the delimiter row.
    pub(super) aligns: Vec<Alignment>,
    /// Header first, when there is one.
    pub(super) rows: Vec<Row>,
    /// Cells of the row being read.
    pub(super) cells: Vec<Vec<Frag>>,
}

/// One row's cells.
#[derive(Debug)]
pub(super) struct Row {
    pub(super) cells: Vec<Vec<Frag>>,
    pub(super) header: bool,
}

/// Lays a table out in at most `width` columns (unless even one column per cell does not fit;
/// the caller clips such lines).
pub(super) fn render(table: &Table, width: usize, theme: &Theme) -> Vec<Vec<Span<'static>>> {
    let columns = table
        .rows
        .iter()
        .map(|r| r.cells.len())
        .max()
        .unwrap_or(0)
        .max(table.aligns.len());
    if columns == 0 {
        return Vec::new();
    }
    let mut min = vec![1; columns];
    let mut natural = vec![1; columns];
    for row in &table.rows {
        for (i, cell) in row.cells.iter().enumerate() {
            let (lo, nat) = measure(cell);
            min[i] = min[i].max(lo);
            natural[i] = natural[i].max(nat);
        }
    }
    let available = width.saturating_sub(SEPARATOR_WIDTH * (columns - 1));
    let widths = fit(&min, &natural, available);

    let rendered: Vec<(bool, Vec<Vec<Vec<Span<'static>>>>)> = table
        .rows
        .iter()
        .map(|row| {
            let cells = (0..columns)
                .map(|i| {
                    row.cells
                        .get(i)
                        .map_or_else(Vec::new, |c| wrap(c, widths[i]))
                })
                .collect();
            (row.header, cells)
        })
        .collect();
    let ruled = rendered
        .iter()
        .any(|(header, cells)| !header && cells.iter().any(|c| c.len() > 1));

    let rule = |cross: &str| {
        let text = widths
            .iter()
            .map(|w| "─".repeat(*w))
            .collect::<Vec<_>>()
            .join(cross);
        vec![Span::styled(text, theme.marker)]
    };

    let mut lines = Vec::new();
    let mut previous_header = None;
    for (header, cells) in &rendered {
        match previous_header {
            Some(true) if !header => lines.push(rule("─┼─")),
            Some(_) if ruled => lines.push(rule("─┼─")),
            _ => {}
        }
        previous_header = Some(*header);
        let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        for row_line in 0..height {
            let mut spans = Vec::new();
            for (i, cell) in cells.iter().enumerate() {
                if i > 0 {
                    push_span(&mut spans, SEPARATOR, theme.marker);
                }
                let content = cell.get(row_line).cloned().unwrap_or_default();
                let pad = widths[i].saturating_sub(width_of(&content));
                let (left, right) = match table.aligns.get(i) {
                    Some(Alignment::Right) => (pad, 0),
                    Some(Alignment::Center) => (pad / 2, pad - pad / 2),
                    _ => (0, pad),
                };
                push_span(&mut spans, &" ".repeat(left), theme.text);
                for span in content {
                    push_span(&mut spans, &span.content, span.style);
                }
                // The last column needs no padding on its right.
                if i + 1 < columns {
                    push_span(&mut spans, &" ".repeat(right), theme.text);
                }
            }
            lines.push(spans);
        }
    }
    lines
}

/// Column widths summing to at most `available`: the natural widths when they fit; else every
/// column gets its longest word and the rest is shared out; else (words must break) the space
/// is shared out by the longest words.
///
/// Sharing is by "water filling": every column grows at the same pace until it is satisfied, so
/// short columns (numbers, names) stay whole and the long prose columns wrap.
fn fit(min: &[usize], natural: &[usize], available: usize) -> Vec<usize> {
    let columns = min.len();
    if natural.iter().sum::<usize>() <= available {
        return natural.to_vec();
    }
    if available <= columns {
        return vec![1; columns];
    }
    if min.iter().sum::<usize>() <= available {
        water_fill(min, natural, available)
    } else {
        water_fill(&vec![1; columns], min, available)
    }
}

/// Widths between `floor` and `cap` per column, raised evenly to use up `available`
/// (`sum(floor) <= available < sum(cap)`).
fn water_fill(floor: &[usize], cap: &[usize], available: usize) -> Vec<usize> {
    let at = |level: usize| -> Vec<usize> {
        floor
            .iter()
            .zip(cap)
            .map(|(&f, &c)| level.clamp(f, c.max(f)))
            .collect()
    };
    let mut level = 0;
    while at(level + 1).iter().sum::<usize>() <= available {
        level += 1;
    }
    let mut widths = at(level);
    // The next level would overshoot: raise only as many columns as there is room for.
    let mut left = available - widths.iter().sum::<usize>();
    for (w, c) in widths.iter_mut().zip(cap) {
        if left == 0 {
            break;
        }
        if *w < *c {
            *w += 1;
            left -= 1;
        }
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn natural_widths_when_they_fit() {
        assert_eq!(fit(&[3, 2], &[10, 5], 20), [10, 5]);
    }

    #[test]
    fn shrinks_to_the_space_without_breaking_words_when_possible() {
        // The short column is whole; the long one takes the rest.
        assert_eq!(fit(&[5, 4], &[40, 6], 20), [14, 6]);
        assert_eq!(fit(&[5, 4], &[40, 30], 20), [10, 10]);
    }

    #[test]
    fn breaks_words_when_the_longest_words_do_not_fit() {
        // The short column keeps its longest word; the long one breaks.
        assert_eq!(fit(&[30, 8], &[50, 10], 20), [12, 8]);
        assert_eq!(fit(&[30, 30], &[50, 50], 21), [11, 10]);
        assert_eq!(fit(&[30, 10], &[50, 10], 1), [1, 1]);
    }
}
