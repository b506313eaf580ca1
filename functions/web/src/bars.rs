//! A bar chart drawn on the server as inline SVG: stable releases per year. A bar's height is
//! its number, and every number is written beside the chart in a table as well; each bar also
//! carries its year and count as a tooltip title, and the figure a text description.

use maud::{Markup, html};

/// The drawing's width and height, and the margins (left, right, top, bottom) around the
/// plot that hold the axis labels, in SVG units.
const SIZE: (f64, f64) = (640.0, 280.0);
const MARGINS: [f64; 4] = [44.0, 12.0, 16.0, 34.0];

/// A tick step that gives about four gridlines up to `max`: 1, 2 or 5 times a power of ten.
fn step(max: u32) -> u32 {
    let rough = (max / 4).max(1);
    let mut power = 1;
    while power * 10 <= rough {
        power *= 10;
    }
    [1, 2, 5, 10]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .unwrap_or(10 * power)
}

/// Every year from the first to the last of `counts` (ordered by year), with its count: a
/// year without releases is a zero, in the chart and in the table beside it.
pub(crate) fn every_year(counts: &[(u16, u32)]) -> Vec<(u16, u32)> {
    let (Some(first), Some(last)) = (counts.first(), counts.last()) else {
        return Vec::new();
    };
    (first.0..=last.0)
        .map(|year| {
            let count = counts
                .iter()
                .find(|(y, _)| *y == year)
                .map_or(0, |(_, c)| *c);
            (year, count)
        })
        .collect()
}

/// Bars of `years` (year, releases; from [`every_year`]). `title_id` names the heading that
/// labels the figure.
pub(crate) fn per_year(years: &[(u16, u32)], title_id: &str, what: &str) -> Markup {
    if years.is_empty() {
        return html! { p { "No stable release is dated for " (what) "." } };
    }
    let (width, height) = SIZE;
    let [left, right, top, bottom] = MARGINS;
    let max = years.iter().map(|(_, c)| *c).max().unwrap_or(0).max(1);
    let step = step(max);
    let ceiling = max.div_ceil(step) * step;
    let plot_width = width - left - right;
    let plot_height = height - top - bottom;
    let slot = plot_width / years.len() as f64;
    let y_of = |value: u32| top + plot_height * (1.0 - f64::from(value) / f64::from(ceiling));
    // A label every year while they fit, else every second or fifth year.
    let every = match years.len() {
        0..=14 => 1,
        15..=28 => 2,
        _ => 5,
    };
    let description = years
        .iter()
        .map(|(year, count)| format!("{year}: {count}"))
        .collect::<Vec<_>>()
        .join(", ");
    let desc_id = format!("{title_id}-desc");
    html! {
        svg.bars viewBox=(format!("0 0 {width} {height}")) role="img"
            aria-labelledby=(format!("{title_id} {desc_id}")) {
            desc id=(desc_id) { "Stable releases per year of " (what) ": " (description) "." }
            g.ticks {
                @for value in (0..=ceiling).step_by(step as usize) {
                    @let y = y_of(value);
                    g.axis { line x1=(left) x2=(width - right) y1=(format!("{y:.1}")) y2=(format!("{y:.1}")) {} }
                    text x=(left - 6.0) y=(format!("{:.1}", y + 4.0)) text-anchor="end" { (value) }
                }
            }
            @for (i, (year, count)) in years.iter().enumerate() {
                @let x = left + slot * i as f64;
                @let y = y_of(*count);
                rect.bar x=(format!("{:.1}", x + slot * 0.15)) y=(format!("{y:.1}"))
                    width=(format!("{:.1}", slot * 0.7)) height=(format!("{:.1}", top + plot_height - y)) {
                    title { (year) ": " (count) " stable " @if *count == 1 { "release" } @else { "releases" } }
                }
                @if i % every == 0 || i + 1 == years.len() {
                    text x=(format!("{:.1}", x + slot / 2.0)) y=(height - bottom + 18.0) text-anchor="middle" { (year) }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_numbers() {
        assert_eq!(step(1), 1);
        assert_eq!(step(9), 2);
        assert_eq!(step(37), 10);
        assert_eq!(step(180), 50);
    }

    #[test]
    fn every_year_between_the_first_and_the_last_gets_a_slot() {
        let svg = per_year(&every_year(&[(2019, 3), (2022, 1)]), "t", "x").into_string();
        assert_eq!(svg.matches("<rect").count(), 4);
        assert!(svg.contains("2020: 0, 2021: 0"), "{svg}");
        assert!(svg.contains("role=\"img\""));
    }
}
