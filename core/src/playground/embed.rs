//! The page's view options, read from its URL's query: embed mode for course material (compact
//! chrome), the panels shown, the starting step, read-only or editable, and the theme. Also the
//! iframe snippet that embeds a scenario with such options. The scenario itself travels in the
//! fragment ([`crate::playground::share_link`]).

use crate::diagram::svg::{Theme, escape};

/// One of the page's three panels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Panel {
    /// The manifest editor and its diagnostics.
    Editor,
    /// The Pod's diagram.
    Pod,
    /// The lifecycle: stepper, faults, kubectl console, control plane.
    Lifecycle,
}

impl Panel {
    /// Every panel, left to right.
    pub const ALL: [Panel; 3] = [Panel::Editor, Panel::Pod, Panel::Lifecycle];

    /// The panel's name in URLs and share links.
    pub fn as_str(self) -> &'static str {
        match self {
            Panel::Editor => "editor",
            Panel::Pod => "pod",
            Panel::Lifecycle => "lifecycle",
        }
    }

    /// The panel's title on screen.
    pub fn title(self) -> &'static str {
        match self {
            Panel::Editor => "Manifest",
            Panel::Pod => "Pod",
            Panel::Lifecycle => "Lifecycle",
        }
    }

    /// The panel named `name`.
    pub fn named(name: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|panel| panel.as_str() == name)
    }

    /// The panels named in a list (unknown names are skipped, repeats folded); all of them when
    /// none is known, since a page without panels shows nothing.
    pub fn list<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<Panel> {
        let mut panels: Vec<Panel> = names.into_iter().filter_map(Panel::named).collect();
        panels.sort();
        panels.dedup();
        if panels.is_empty() {
            Panel::ALL.to_vec()
        } else {
            panels
        }
    }
}

/// How the page shows itself, from its query string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewOptions {
    /// Compact chrome for an iframe: no header, gallery or sharing controls.
    pub embed: bool,
    /// The panels shown.
    pub panels: Vec<Panel>,
    /// The step to start at (from 0), over the share link's.
    pub step: Option<usize>,
    /// The manifest cannot be edited, nor actions added.
    pub read_only: bool,
    /// The colour theme; `Auto` follows the viewer's setting.
    pub theme: Theme,
}

impl Default for ViewOptions {
    fn default() -> Self {
        ViewOptions {
            embed: false,
            panels: Panel::ALL.to_vec(),
            step: None,
            read_only: false,
            theme: Theme::Auto,
        }
    }
}

/// The longest query read; longer ones are ignored as a whole.
const MAX_QUERY: usize = 2_048;

impl ViewOptions {
    /// The panel shown first where only one fits (a phone): an embed opens on the lifecycle,
    /// the story a course page tells, when it shows it; the page on its first panel.
    pub fn first_tab(&self) -> Panel {
        let first = self.panels.first().copied().unwrap_or(Panel::Editor);
        if self.embed && self.panels.contains(&Panel::Lifecycle) {
            Panel::Lifecycle
        } else {
            first
        }
    }

    /// Reads `?embed=1&panels=pod,lifecycle&step=3&readonly=1&theme=dark` (with or without the
    /// `?`). Unknown keys and bad values are ignored, so a mangled link still opens.
    pub fn from_query(query: &str) -> ViewOptions {
        let mut options = ViewOptions::default();
        if query.len() > MAX_QUERY {
            return options;
        }
        for pair in query.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let on = matches!(value, "" | "1" | "true" | "yes");
            match key {
                "embed" => options.embed = on,
                "panels" => options.panels = Panel::list(value.split([',', '+', ' '])),
                "step" => options.step = value.parse::<usize>().ok(),
                "readonly" => options.read_only = on,
                "theme" => options.theme = Theme::from_name(value).unwrap_or(Theme::Auto),
                _ => {}
            }
        }
        options
    }

    /// The query that gives these options (`?` included), or "" for the defaults.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<String> = Vec::new();
        if self.embed {
            pairs.push("embed=1".to_owned());
        }
        if self.panels != Panel::ALL {
            let names: Vec<&str> = self.panels.iter().map(|p| p.as_str()).collect();
            pairs.push(format!("panels={}", names.join(",")));
        }
        if let Some(step) = self.step {
            pairs.push(format!("step={step}"));
        }
        if self.read_only {
            pairs.push("readonly=1".to_owned());
        }
        if self.theme != Theme::Auto {
            pairs.push(format!("theme={}", theme_name(self.theme)));
        }
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        }
    }
}

/// A theme's name in URLs.
pub fn theme_name(theme: Theme) -> &'static str {
    match theme {
        Theme::Light => "light",
        Theme::Dark => "dark",
        Theme::Auto => "auto",
    }
}

/// The HTML of an iframe that embeds the page at `page` (its address without query or
/// fragment) with `options` and the share-link `fragment`, titled `title` for screen readers.
/// Every value is escaped for an HTML attribute.
pub fn iframe_snippet(
    page: &str,
    options: &ViewOptions,
    fragment: &str,
    title: &str,
    height: u32,
) -> String {
    let src = format!("{page}{}{fragment}", options.to_query());
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" style=\"border:1px solid #d5dae1;border-radius:8px\" loading=\"lazy\"></iframe>",
        escape(&src),
        escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a query and writes it back.
    fn check(query: &str) -> String {
        ViewOptions::from_query(query).to_query()
    }

    #[test]
    fn queries_round_trip() {
        assert_eq!(check(""), "");
        assert_eq!(
            check("?embed=1&panels=lifecycle,pod&step=4&readonly=1&theme=dark"),
            "?embed=1&panels=pod,lifecycle&step=4&readonly=1&theme=dark"
        );
        assert_eq!(
            check("embed&panels=nonsense&step=-1&theme=purple"),
            "?embed=1"
        );
        assert_eq!(check(&"a".repeat(5_000)), "");
    }

    #[test]
    fn an_embed_opens_on_the_lifecycle_when_it_shows_it() {
        let first = |query: &str| ViewOptions::from_query(query).first_tab();
        assert_eq!(first("?embed=1"), Panel::Lifecycle);
        assert_eq!(first("?embed=1&panels=editor,pod"), Panel::Editor);
        assert_eq!(first("?embed=1&panels=pod,lifecycle"), Panel::Lifecycle);
        assert_eq!(first(""), Panel::Editor);
        assert_eq!(first("?panels=pod,lifecycle"), Panel::Pod);
    }

    #[test]
    fn the_snippet_escapes_everything() {
        let options = ViewOptions {
            embed: true,
            panels: vec![Panel::Pod],
            ..ViewOptions::default()
        };
        assert_eq!(
            iframe_snippet(
                "https://x.org/p/",
                &options,
                "#v1.abc",
                "A \"Pod\" <img>",
                480
            ),
            "<iframe src=\"https://x.org/p/?embed=1&amp;panels=pod#v1.abc\" title=\"A &quot;Pod&quot; &lt;img&gt;\" width=\"100%\" height=\"480\" style=\"border:1px solid #d5dae1;border-radius:8px\" loading=\"lazy\"></iframe>"
        );
    }
}
