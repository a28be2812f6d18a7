//! A [`Scene`] written as a standalone SVG document, for the CLI, for tests and for export. The
//! stylesheet (`static/diagram.css`, the one the page links) is embedded, so the file looks the
//! same anywhere. All text is escaped: user text never becomes markup.

use std::fmt::Write;

use crate::diagram::scene::{Scene, Shape};

/// The stylesheet shared with the web page.
pub const STYLESHEET: &str = include_str!("../../../static/diagram.css");

/// The id of the arrowhead marker.
pub const ARROW_ID: &str = "podplay-arrow";

/// Light or dark colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    /// Dark text on light boxes.
    #[default]
    Light,
    /// Light text on dark boxes.
    Dark,
    /// Follows the viewer's `prefers-color-scheme`.
    Auto,
}

impl Theme {
    /// The theme's CSS class.
    pub fn class(self) -> &'static str {
        match self {
            Theme::Light => "theme-light",
            Theme::Dark => "theme-dark",
            Theme::Auto => "theme-auto",
        }
    }

    /// The theme named `name` (`light`, `dark` or `auto`).
    pub fn from_name(name: &str) -> Option<Theme> {
        match name {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" => Some(Theme::Auto),
            _ => None,
        }
    }
}

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow are dropped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `scene` as an SVG document in `theme`, with the stylesheet embedded.
pub fn render(scene: &Scene, theme: Theme) -> String {
    render_with_stylesheet(scene, theme, STYLESHEET)
}

/// [`render`] with `stylesheet` (the diagrams' stylesheet, `static/diagram.css`, as the caller
/// has it: the page reads it from the stylesheet it loaded rather than carrying a copy).
pub fn render_with_stylesheet(scene: &Scene, theme: Theme, stylesheet: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="podplay-diagram {}" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{}">"#,
        theme.class(),
        escape(&scene.label),
        w = scene.width,
        h = scene.height,
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&scene.label));
    let _ = writeln!(out, "<style>\n{stylesheet}</style>");
    let _ = writeln!(
        out,
        r#"<defs><marker id="{ARROW_ID}" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path class="arrowhead" d="M0 0 L8 4 L0 8 Z"/></marker></defs>"#
    );
    let _ = writeln!(
        out,
        r#"<rect class="background" x="0" y="0" width="{}" height="{}"/>"#,
        scene.width, scene.height
    );
    for group in &scene.groups {
        let state = group
            .state
            .as_deref()
            .map(|s| format!(r#" data-state="{}""#, escape(s)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            r#"<g class="{}" data-testid="{}"{state}><title>{}</title>"#,
            escape(&group.class),
            group.test_id,
            escape(&group.title)
        );
        for shape in &group.shapes {
            out.push_str(&shape_svg(shape));
            out.push('\n');
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

fn shape_svg(shape: &Shape) -> String {
    match shape {
        Shape::Rect { rect, rx, class } => format!(
            r#"<rect class="{}" x="{}" y="{}" width="{}" height="{}" rx="{rx}"/>"#,
            escape(class),
            rect.x,
            rect.y,
            rect.width,
            rect.height
        ),
        Shape::Text {
            x,
            y,
            class,
            text,
            end,
        } => format!(
            r#"<text class="{}" x="{x}" y="{y}"{}>{}</text>"#,
            escape(class),
            if *end { r#" text-anchor="end""# } else { "" },
            escape(text)
        ),
        Shape::Path { d, class, arrow } => format!(
            r#"<path class="{}" d="{}"{}/>"#,
            escape(class),
            escape(d),
            if *arrow {
                format!(r#" marker-end="url(#{ARROW_ID})""#)
            } else {
                String::new()
            }
        ),
    }
}
