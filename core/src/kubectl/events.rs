//! `kubectl get events`: upstream's `printEvent` (pkg/printers/internalversion/printers.go),
//! with the columns of `eventColumnDefinitions`, and `--sort-by` over the fields people sort
//! Events by.

use crate::base::sorting::sort_by_key;
use crate::base::timestamp::Timestamp;
use crate::cluster::events::Event;
use crate::kubectl::get::{human_duration_millis, table};

/// One Event, with the object it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// The object's kind, lowercase as the OBJECT column writes it: `pod`, `job`.
    pub kind: String,
    /// The object's name.
    pub name: String,
    /// The Event, repeats merged.
    pub event: Event,
}

impl Listed {
    /// The Event object's name: the recorder's `<object>.<UnixNano in hex>` of its first
    /// occurrence, which is also the order the API server lists Events in. The virtual clock
    /// counts milliseconds, so the `nth` Event of the list is `nth` nanoseconds later: names
    /// stay unique, as a real clock's nanoseconds make them.
    pub fn name(&self, nth: usize) -> String {
        let nanos = i128::from(self.event.first_seen.millis()) * 1_000_000
            + i128::try_from(nth).unwrap_or(0);
        format!("{}.{nanos:x}", self.name)
    }
}

/// What `--sort-by` sorts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    /// `.lastTimestamp`.
    LastTimestamp,
    /// `.firstTimestamp` or `.metadata.creationTimestamp`.
    FirstTimestamp,
    /// `.count`.
    Count,
    /// `.reason`.
    Reason,
    /// `.type`.
    Type,
    /// `.involvedObject.name`.
    Object,
}

impl SortBy {
    /// Reads a `--sort-by` JSONPath (with or without its braces), or gives kubectl's error.
    pub fn parse(path: &str) -> Result<SortBy, String> {
        // kubectl relaxes the path: `lastTimestamp`, `.lastTimestamp` and `{.lastTimestamp}`.
        let bare = path.trim_start_matches('{').trim_end_matches('}');
        let dotted = if bare.starts_with('.') {
            bare.to_owned()
        } else {
            format!(".{bare}")
        };
        let bare = dotted.as_str();
        match bare {
            ".lastTimestamp" => Ok(SortBy::LastTimestamp),
            ".firstTimestamp" | ".metadata.creationTimestamp" => Ok(SortBy::FirstTimestamp),
            ".count" => Ok(SortBy::Count),
            ".reason" => Ok(SortBy::Reason),
            ".type" => Ok(SortBy::Type),
            ".involvedObject.name" => Ok(SortBy::Object),
            _ => Err(format!(
                "error: couldn't find any field with path \"{{{bare}}}\" in the list of objects"
            )),
        }
    }
}

/// `kubectl get events [-o wide] [--sort-by=…]` at `now`: the Events in the API server's order
/// (by name), then sorted stably as asked.
pub fn events_table(events: &[Listed], now: Timestamp, wide: bool, sort: Option<SortBy>) -> String {
    let mut listed: Vec<&Listed> = events.iter().collect();
    // Names are `<object>.<time>`: `web-1.…` sorts before `web.…`, as `-` before `.`.
    sort_by_key(&mut listed, |listed| {
        (
            format!("{}.", listed.name),
            listed.event.first_seen.millis(),
        )
    });
    let mut listed: Vec<(String, &Listed)> = listed
        .into_iter()
        .enumerate()
        .map(|(nth, listed)| (listed.name(nth), listed))
        .collect();
    if let Some(sort) = sort {
        sort_by_key(&mut listed, |(_, listed)| {
            let event = &listed.event;
            match sort {
                SortBy::LastTimestamp => (event.last_seen.millis(), String::new()),
                SortBy::FirstTimestamp => (event.first_seen.millis(), String::new()),
                SortBy::Count => (i64::from(event.count), String::new()),
                SortBy::Reason => (0, event.reason.clone()),
                SortBy::Type => (0, event.kind.as_str().to_owned()),
                SortBy::Object => (0, listed.name.clone()),
            }
        });
    }
    let header: &[&str] = if wide {
        &[
            "LAST SEEN",
            "TYPE",
            "REASON",
            "OBJECT",
            "SUBOBJECT",
            "SOURCE",
            "MESSAGE",
            "FIRST SEEN",
            "COUNT",
            "NAME",
        ]
    } else {
        &["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]
    };
    let mut rows = vec![header.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>()];
    for (name, listed) in listed {
        let event = &listed.event;
        let since = |then: Timestamp| human_duration_millis(now.millis_since(then));
        let object = format!("{}/{}", listed.kind, listed.name);
        let message = event.message.trim().to_owned();
        rows.push(if wide {
            vec![
                since(event.last_seen),
                event.kind.as_str().to_owned(),
                event.reason.clone(),
                object,
                event.field_path.clone().unwrap_or_default(),
                event.source.clone(),
                message,
                since(event.first_seen),
                event.count.max(1).to_string(),
                name,
            ]
        } else {
            vec![
                since(event.last_seen),
                event.kind.as_str().to_owned(),
                event.reason.clone(),
                object,
                message,
            ]
        });
    }
    table(&rows)
}
