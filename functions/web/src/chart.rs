//! Charts drawn on the server as inline SVG: no script, no image request, and styled by the
//! site's CSS classes (the CSP allows no inline style). Neither relies on colour alone:
//! each radar series has its own line pattern and marker shape, named in the legend, and
//! every figure sits beside a table or list with the same numbers.

use std::f64::consts::PI;
use std::fmt::Write as _;

use maud::{Markup, html};
use model::{Dimension, Framework};

use model::labels;

const CENTRE_X: f64 = 290.0;
const CENTRE_Y: f64 = 205.0;
const RADIUS: f64 = 140.0;
const RINGS: u8 = 5;

/// What distinguishes series `i` besides its colour (`series-i` in the CSS).
pub(crate) const MARKERS: [&str; 4] = ["circle", "square", "triangle", "diamond"];
pub(crate) const LINES: [&str; 4] = ["solid line", "dashed line", "dotted line", "dash-dot line"];

/// The point at `rating` (0..=5) on the axis of dimension number `axis`, clockwise from the top.
fn point(axis: usize, rating: f64) -> (f64, f64) {
    let angle = -PI / 2.0 + axis as f64 * 2.0 * PI / Dimension::ALL.len() as f64;
    let r = RADIUS * rating / f64::from(RINGS);
    (CENTRE_X + r * angle.cos(), CENTRE_Y + r * angle.sin())
}

fn polygon(points: impl Iterator<Item = (f64, f64)>) -> String {
    let mut text = String::new();
    for (x, y) in points {
        let _ = write!(text, "{x:.1},{y:.1} ");
    }
    text.trim_end().to_owned()
}

fn marker(shape: &str, (x, y): (f64, f64)) -> Markup {
    const S: f64 = 5.0;
    html! {
        @match shape {
            "square" => { rect.mark x=(format!("{:.1}", x - S)) y=(format!("{:.1}", y - S)) width=(S * 2.0) height=(S * 2.0) {} }
            "triangle" => { polygon.mark points=(polygon([(x, y - S - 1.0), (x + S + 1.0, y + S), (x - S - 1.0, y + S)].into_iter())) {} }
            "diamond" => { polygon.mark points=(polygon([(x, y - S - 1.5), (x + S + 1.5, y), (x, y + S + 1.5), (x - S - 1.5, y)].into_iter())) {} }
            _ => { circle.mark cx=(format!("{x:.1}")) cy=(format!("{y:.1}")) r=(S) {} }
        }
    }
}

/// A radar of the eight ratings of up to four frameworks. `title_id` names the heading
/// that labels the figure; the description lists every value for a screen reader.
pub(crate) fn radar(frameworks: &[&Framework], title_id: &str) -> Markup {
    let description: Vec<String> = frameworks
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let ratings: Vec<String> = Dimension::ALL
                .iter()
                .map(|d| format!("{} {}", labels::dimension(*d), f.spec.ratings.score(*d)))
                .collect();
            format!("{} ({}): {}", f.spec.name, LINES[i], ratings.join(", "))
        })
        .collect();
    html! {
        svg.radar viewBox="0 0 580 420" role="img" aria-labelledby=(title_id) aria-describedby="radar-desc" {
            desc #radar-desc { (description.join(". ")) }
            g.grid {
                @for ring in 1..=RINGS {
                    polygon points=(polygon((0..Dimension::ALL.len()).map(|axis| point(axis, f64::from(ring))))) {}
                }
                @for axis in 0..Dimension::ALL.len() {
                    @let (x, y) = point(axis, f64::from(RINGS));
                    line x1=(CENTRE_X) y1=(CENTRE_Y) x2=(format!("{x:.1}")) y2=(format!("{y:.1}")) {}
                }
            }
            g.ring-labels aria-hidden="true" {
                @for ring in 1..=RINGS {
                    @let (x, y) = point(0, f64::from(ring));
                    text x=(format!("{:.1}", x + 4.0)) y=(format!("{:.1}", y - 2.0)) { (ring) }
                }
            }
            g.axis-labels aria-hidden="true" {
                @for (axis, dimension) in Dimension::ALL.iter().enumerate() {
                    @let (x, y) = point(axis, f64::from(RINGS) + 0.55);
                    @let anchor = if (x - CENTRE_X).abs() < 1.0 { "middle" } else if x > CENTRE_X { "start" } else { "end" };
                    text x=(format!("{x:.1}")) y=(format!("{:.1}", y + 4.0)) text-anchor=(anchor) { (labels::dimension(*dimension)) }
                }
            }
            @for (i, framework) in frameworks.iter().enumerate() {
                g class=(format!("series series-{i}")) aria-hidden="true" {
                    polygon.area points=(polygon(Dimension::ALL.iter().enumerate().map(|(axis, d)| point(axis, f64::from(framework.spec.ratings.score(*d)))))) {}
                    @for (axis, dimension) in Dimension::ALL.iter().enumerate() {
                        (marker(MARKERS[i], point(axis, f64::from(framework.spec.ratings.score(*dimension)))))
                    }
                }
            }
        }
    }
}

/// A key for the radar: each framework's line pattern and marker, drawn and named.
pub(crate) fn legend(frameworks: &[&Framework]) -> Markup {
    html! {
        ul.legend {
            @for (i, framework) in frameworks.iter().enumerate() {
                li {
                    svg class=(format!("swatch series series-{i}")) viewBox="0 0 40 16" aria-hidden="true" focusable="false" {
                        line.area x1="2" y1="8" x2="38" y2="8" {}
                        (marker(MARKERS[i], (20.0, 8.0)))
                    }
                    " " (framework.spec.name) " "
                    span.hint { "(" (LINES[i]) ", " (MARKERS[i]) ")" }
                }
            }
        }
    }
}

/// A bar of a recommendation's score out of 100, one segment per factor in `parts` order;
/// the list that follows it carries the numbers.
pub(crate) fn score_bar(parts: &[(&str, f64)]) -> Markup {
    let mut x = 0.0;
    let mut segments = Vec::new();
    for (i, (_, points)) in parts.iter().enumerate() {
        let width = points.clamp(0.0, 100.0 - x);
        segments.push((
            format!("part-{i}"),
            format!("{x:.1}"),
            format!("{width:.1}"),
        ));
        x += width;
    }
    html! {
        svg.score-bar viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false" {
            rect.track x="0" y="0" width="100" height="10" {}
            @for (class, x, width) in &segments {
                rect class=(class) x=(x) y="0" width=(width) height="10" {}
            }
        }
    }
}

/// A rating from 1 to 5: filled and empty dots for the eye, "4 out of 5" for a screen reader.
pub(crate) fn dots(score: u8) -> Markup {
    let filled = usize::from(score.min(5));
    html! {
        span.visually-hidden { (score) " out of 5" }
        span.dots aria-hidden="true" {
            span.on { ("●".repeat(filled)) }
            span.off { ("○".repeat(5 - filled)) }
        }
    }
}
