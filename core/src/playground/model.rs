//! What the page asks its model thread, and what it answers. The page's main thread keeps the
//! editor, the diagnostics and the Pod's drawing; the virtual cluster, the timeline and kubectl
//! run in a Web Worker, so that no keystroke waits for them and the first load carries none of
//! their code. Both sides speak through this module, so the page's tests can answer in process
//! what the worker answers in the browser ([`answer_message`]).
//!
//! A message is text: one line of JSON (the header), a line break, then a body that is plain
//! text (the manifest, a kubectl reply, a lifecycle's JSON), so that a manifest is never escaped
//! into JSON and read back.

use crate::api::diagnostic::{Diagnostic, DiagnosticKind, Severity};
use crate::api::yaml::single_json_document;
use crate::base::json::{
    self, Json, Object, Read, boolean, list, optional, required, string, unsigned,
};
use crate::base::span::{Position, Span};
use crate::base::time::VirtualTime;
use crate::cluster::scenario::{Action, Scenario};
use crate::kubectl::console::{self, Reply};
use crate::kubectl::exec::{Shell, ShellHandle};
use crate::playground::cluster_view::{self, ClusterView};
use crate::playground::field_docs;
use crate::playground::gallery::{self, Entry};
use crate::playground::lifecycle_view::LifecycleView;
use crate::playground::share_link::{self, SharedState};
use crate::playground::state::{self, Delivery};

/// The message the model thread sends once it listens: messages sent to a worker before it
/// listens are lost, so the page sends none before this one.
pub const READY: &str = "ready";

/// The message the worker's loader sends when the model thread could not start (its code failed
/// to download or to compile), followed by the reason.
pub const FAILED_TO_START: &str = "failed to start: ";

/// A question for the model thread. Each carries an id that its answer repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// The lifecycle of the Pods of the scenario's manifest that the API server accepts (see
    /// [`state::running`]).
    Lifecycle {
        /// The request's id.
        id: u64,
        /// The scenario, with the editor's text as its manifest.
        scenario: Scenario,
        /// The text the last lifecycle shown ran, whose Pods run while an edit in progress
        /// breaks the manifest.
        before: Option<String>,
        /// The Pod whose story to tell, by name (one selected in the cluster view); without
        /// it, or when the run has no Pod of that name, the first Pod's.
        follow: Option<String>,
    },
    /// A kubectl command typed in the console, at an instant of the scenario.
    Console {
        /// The request's id.
        id: u64,
        /// The command line.
        line: String,
        /// The scenario, with the manifest as the editor has it.
        scenario: Scenario,
        /// The instant the command runs at.
        at: VirtualTime,
        /// The interactive shell the line goes to, when one is open (`kubectl exec -it`): its
        /// state, as its handle holds it.
        shell: Option<String>,
    },
    /// The gallery's examples.
    Gallery {
        /// The request's id.
        id: u64,
    },
    /// The documentation of the field at a place of the editor's text.
    FieldDoc {
        /// The request's id.
        id: u64,
        /// The editor's text.
        text: String,
        /// The line, from 1.
        line: u32,
        /// The column, from 1, in characters.
        column: u32,
        /// True for the caret (just after a key is still on it), false for the pointer.
        caret: bool,
    },
    /// The problems of the editor's text that the page's thread does not look for: the API
    /// server's validation and the best-practice warnings (the page's thread only reads the
    /// text, to draw it).
    Checks {
        /// The request's id.
        id: u64,
        /// The editor's text.
        text: String,
        /// True when the text is a static Pod's file, for which some warnings do not hold.
        static_pod: bool,
    },
    /// The share link's fragment of a state (its deflate encoder stays off the page's thread).
    ShareLink {
        /// The request's id.
        id: u64,
        /// What the link holds.
        state: SharedState,
    },
    /// The cluster view (nodes, Pods, owners) at an instant of the scenario.
    Cluster {
        /// The request's id.
        id: u64,
        /// The scenario, with the manifest as the editor has it.
        scenario: Scenario,
        /// The instant.
        at: VirtualTime,
    },
}

impl Request {
    /// The request's id, which its answer repeats.
    pub fn id(&self) -> u64 {
        match self {
            Request::Lifecycle { id, .. }
            | Request::Console { id, .. }
            | Request::Gallery { id }
            | Request::FieldDoc { id, .. }
            | Request::Checks { id, .. }
            | Request::ShareLink { id, .. }
            | Request::Cluster { id, .. } => *id,
        }
    }

    /// The request's kind, as its message names it.
    fn kind(&self) -> &'static str {
        match self {
            Request::Lifecycle { .. } => "lifecycle",
            Request::Console { .. } => "console",
            Request::Gallery { .. } => "gallery",
            Request::FieldDoc { .. } => "fieldDoc",
            Request::Checks { .. } => "checks",
            Request::ShareLink { .. } => "shareLink",
            Request::Cluster { .. } => "cluster",
        }
    }
}

/// A field's documentation, as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    /// The field's path, such as `spec.containers[0].image`.
    pub path: String,
    /// What the field is for; empty for a key the API does not know.
    pub text: String,
}

/// The model thread's answer to one [`Request`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The lifecycle, or none when the manifest holds no Pod the API server accepts.
    Lifecycle {
        /// The request's id.
        id: u64,
        /// The lifecycle.
        view: Option<LifecycleView>,
        /// True when it is the lifecycle of the text before an edit in progress
        /// ([`state::Running::stale`]).
        stale: bool,
        /// True when its first Pod is the one the page draws ([`state::Running::drawn`]).
        drawn: bool,
        /// The Pod followed, as `kubectl get pod NAME -o yaml` prints it when it is created,
        /// when it is the one the request asked to follow: the page draws it instead of the
        /// text's Pod.
        followed: Option<String>,
    },
    /// What kubectl prints, and the action the command makes.
    Console {
        /// The request's id.
        id: u64,
        /// The reply.
        reply: Reply,
    },
    /// The gallery's examples.
    Gallery {
        /// The request's id.
        id: u64,
        /// The examples, in the gallery's order.
        entries: Vec<Entry>,
    },
    /// A field's documentation, or none when the place is not on a key.
    FieldDoc {
        /// The request's id.
        id: u64,
        /// The documentation.
        doc: Option<Doc>,
    },
    /// The problems of a text that the page's thread does not look for, in its order.
    Checks {
        /// The request's id.
        id: u64,
        /// The problems, each as its message reads ([`DiagnosticKind::Relayed`]).
        found: Vec<Diagnostic>,
    },
    /// A share link's fragment, `#v1.` and the rest.
    ShareLink {
        /// The request's id.
        id: u64,
        /// The fragment.
        fragment: String,
    },
    /// The cluster view at the instant asked.
    Cluster {
        /// The request's id.
        id: u64,
        /// The view.
        view: ClusterView,
    },
    /// The request could not be read (a page and a worker of different builds, a damaged
    /// message).
    Failed {
        /// The request's id, when it could be read.
        id: u64,
        /// What went wrong.
        message: String,
    },
}

impl Answer {
    /// The id of the request this answers.
    pub fn id(&self) -> u64 {
        match self {
            Answer::Lifecycle { id, .. }
            | Answer::Console { id, .. }
            | Answer::Gallery { id, .. }
            | Answer::FieldDoc { id, .. }
            | Answer::ShareLink { id, .. }
            | Answer::Cluster { id, .. }
            | Answer::Checks { id, .. }
            | Answer::Failed { id, .. } => *id,
        }
    }
}

/// Answers `request`: the work the model thread does.
pub fn answer(request: &Request) -> Answer {
    match request {
        Request::Lifecycle {
            id,
            scenario,
            before,
            follow,
        } => match state::running(scenario, before.as_deref()) {
            Some(running) => {
                let lifecycle = state::lifecycle_following(
                    &running.pods,
                    &running.workloads,
                    &Scenario {
                        manifest: running.manifest,
                        ..scenario.clone()
                    },
                    follow.as_deref(),
                );
                let followed = lifecycle
                    .as_ref()
                    .filter(|lifecycle| lifecycle.followed)
                    .and_then(|lifecycle| lifecycle.simulations.first()?.snapshots.first())
                    .map(|snapshot| crate::kubectl::yaml::pod_yaml(&snapshot.pod));
                Answer::Lifecycle {
                    id: *id,
                    view: lifecycle.map(|lifecycle| LifecycleView::of(&lifecycle)),
                    stale: running.stale,
                    drawn: running.drawn,
                    followed,
                }
            }
            None => Answer::Lifecycle {
                id: *id,
                view: None,
                stale: false,
                drawn: false,
                followed: None,
            },
        },
        Request::Console {
            id,
            line,
            scenario,
            at,
            shell,
        } => {
            let parsed = state::check(&scenario.manifest, Delivery::of(scenario));
            let reply = match shell.as_deref().map(Shell::from_state) {
                Some(Some(shell)) => console::run_in_shell(line, &shell, &parsed, scenario, *at),
                Some(None) => Reply::err("podplay: the shell's state could not be read".to_owned()),
                None => console::run(line, &parsed, scenario, *at),
            };
            Answer::Console { id: *id, reply }
        }
        Request::Gallery { id } => Answer::Gallery {
            id: *id,
            entries: gallery::entries(),
        },
        Request::FieldDoc {
            id,
            text,
            line,
            column,
            caret,
        } => {
            let found = if *caret {
                field_docs::at_caret(text, *line, *column)
            } else {
                field_docs::at(text, *line, *column)
            };
            Answer::FieldDoc {
                id: *id,
                doc: found.map(|found| Doc {
                    path: found.path,
                    text: found.doc.to_owned(),
                }),
            }
        }
        Request::Checks {
            id,
            text,
            static_pod,
        } => Answer::Checks {
            id: *id,
            found: state::checks_after_reading(
                text,
                if *static_pod {
                    Delivery::StaticPodFile
                } else {
                    Delivery::ApiServer
                },
            ),
        },
        Request::ShareLink { id, state } => Answer::ShareLink {
            id: *id,
            fragment: share_link::encode(state),
        },
        Request::Cluster { id, scenario, at } => Answer::Cluster {
            id: *id,
            view: cluster_view::at(scenario, *at),
        },
    }
}

/// Reads a request message, answers it, and writes the answer's message: the model thread's
/// whole work. A message it cannot read gets an [`Answer::Failed`].
pub fn answer_message(message: &str) -> String {
    let answer = match Request::from_message(message) {
        Ok(request) => answer(&request),
        Err((id, message)) => Answer::Failed { id, message },
    };
    answer.to_message()
}

impl Request {
    /// The request as a message.
    pub fn to_message(&self) -> String {
        let mut header = String::new();
        let mut object = Object::open(&mut header);
        json::write_string(object.key("kind"), self.kind());
        object.key("id").push_str(&self.id().to_string());
        let body = match self {
            Request::Lifecycle {
                scenario,
                before,
                follow,
                ..
            } => {
                if let Some(follow) = follow {
                    json::write_string(object.key("follow"), follow);
                }
                let manifest = write_scenario(object.key("scenario"), scenario);
                match before {
                    // The text before comes first in the body, its length in the header.
                    Some(before) => {
                        object
                            .key("beforeBytes")
                            .push_str(&before.len().to_string());
                        format!("{before}{manifest}")
                    }
                    None => manifest,
                }
            }
            Request::Console {
                line,
                scenario,
                at,
                shell,
                ..
            } => {
                json::write_string(object.key("line"), line);
                object.key("at").push_str(&at.as_millis().to_string());
                if let Some(shell) = shell {
                    json::write_string(object.key("shell"), shell);
                }
                write_scenario(object.key("scenario"), scenario)
            }
            Request::Gallery { .. } => String::new(),
            Request::FieldDoc {
                text,
                line,
                column,
                caret,
                ..
            } => {
                object.key("line").push_str(&line.to_string());
                object.key("column").push_str(&column.to_string());
                object.key("caret").push_str(&caret.to_string());
                text.clone()
            }
            Request::Checks {
                text, static_pod, ..
            } => {
                object.key("staticPod").push_str(&static_pod.to_string());
                text.clone()
            }
            Request::ShareLink { state, .. } => state.to_json(),
            Request::Cluster { scenario, at, .. } => {
                object.key("at").push_str(&at.as_millis().to_string());
                write_scenario(object.key("scenario"), scenario)
            }
        };
        object.close();
        format!("{header}\n{body}")
    }

    /// Reads a request message; an error names the id when it could be read.
    pub fn from_message(message: &str) -> Result<Request, (u64, String)> {
        let (header, body) = message.split_once('\n').unwrap_or((message, ""));
        let root = single_json_document(header).map_err(|error| (0, error))?;
        let fields = root.object("struct Request").map_err(|error| (0, error))?;
        let id = required(fields, "id", |value| unsigned(value, "u64")).map_err(|e| (0, e))?;
        let failed = |error: String| (id, error);
        let scenario = |manifest: &str| -> Result<Scenario, (u64, String)> {
            let scenario = fields
                .get("scenario")
                .ok_or_else(|| failed("missing field `scenario`".to_owned()))?;
            Ok(Scenario {
                manifest: manifest.to_owned(),
                ..Scenario::from_json_value(scenario).map_err(failed)?
            })
        };
        let number = |name: &str| -> Result<u32, (u64, String)> {
            let value = required(fields, name, |value| unsigned(value, "u32")).map_err(failed)?;
            u32::try_from(value).map_err(|error| failed(error.to_string()))
        };
        match required(fields, "kind", string).map_err(failed)?.as_str() {
            "lifecycle" => {
                let before_bytes = optional(fields, "beforeBytes", |value| unsigned(value, "u64"))
                    .map_err(failed)?
                    .map(|bytes| usize::try_from(bytes).unwrap_or(usize::MAX));
                let (before, manifest) = match before_bytes {
                    Some(bytes) => {
                        let before = body.get(..bytes).ok_or_else(|| {
                            failed("beforeBytes is not a place in the body".to_owned())
                        })?;
                        (Some(before.to_owned()), &body[bytes..])
                    }
                    None => (None, body),
                };
                Ok(Request::Lifecycle {
                    id,
                    scenario: scenario(manifest)?,
                    before,
                    follow: optional(fields, "follow", string).map_err(failed)?,
                })
            }
            "console" => Ok(Request::Console {
                id,
                line: required(fields, "line", string).map_err(failed)?,
                scenario: scenario(body)?,
                at: VirtualTime::from_millis(
                    required(fields, "at", |value| unsigned(value, "u64")).map_err(failed)?,
                ),
                shell: optional(fields, "shell", string).map_err(failed)?,
            }),
            "gallery" => Ok(Request::Gallery { id }),
            "fieldDoc" => Ok(Request::FieldDoc {
                id,
                text: body.to_owned(),
                line: number("line")?,
                column: number("column")?,
                caret: required(fields, "caret", boolean).map_err(failed)?,
            }),
            "checks" => Ok(Request::Checks {
                id,
                text: body.to_owned(),
                static_pod: required(fields, "staticPod", boolean).map_err(failed)?,
            }),
            "shareLink" => Ok(Request::ShareLink {
                id,
                state: SharedState::from_json(body).map_err(failed)?,
            }),
            "cluster" => Ok(Request::Cluster {
                id,
                scenario: scenario(body)?,
                at: VirtualTime::from_millis(
                    required(fields, "at", |value| unsigned(value, "u64")).map_err(failed)?,
                ),
            }),
            other => Err(failed(json::unknown(
                "variant",
                other,
                &[
                    "lifecycle",
                    "console",
                    "gallery",
                    "fieldDoc",
                    "checks",
                    "shareLink",
                    "cluster",
                ],
            ))),
        }
    }
}

/// Writes `scenario` without its manifest into `out`, and returns the manifest (the message's
/// body).
fn write_scenario(out: &mut String, scenario: &Scenario) -> String {
    let without_manifest = Scenario {
        manifest: String::new(),
        ..scenario.clone()
    };
    out.push_str(&without_manifest.to_json());
    scenario.manifest.clone()
}

impl Answer {
    /// The answer as a message.
    pub fn to_message(&self) -> String {
        let mut header = String::new();
        let mut object = Object::open(&mut header);
        object.key("id").push_str(&self.id().to_string());
        let body = match self {
            Answer::Lifecycle {
                view,
                stale,
                drawn,
                followed,
                ..
            } => {
                json::write_string(object.key("kind"), "lifecycle");
                object.key("stale").push_str(&stale.to_string());
                object.key("drawn").push_str(&drawn.to_string());
                let view = view
                    .as_ref()
                    .map(LifecycleView::to_json)
                    .unwrap_or_default();
                // The followed Pod's YAML comes first in the body, its length in the header.
                match followed {
                    Some(followed) => {
                        object
                            .key("followedBytes")
                            .push_str(&followed.len().to_string());
                        format!("{followed}{view}")
                    }
                    None => view,
                }
            }
            Answer::Console { reply, .. } => {
                json::write_string(object.key("kind"), "console");
                object.key("error").push_str(&reply.error.to_string());
                if reply.follow {
                    object.key("follow").push_str("true");
                }
                if let Some(shell) = &reply.shell {
                    json::write_string(object.key("shell"), &shell.state);
                    json::write_string(object.key("prompt"), &shell.prompt);
                }
                if let Some(action) = &reply.action {
                    let carrier = Scenario {
                        actions: vec![action.clone()],
                        ..Scenario::default()
                    };
                    object.key("action").push_str(&carrier.to_json());
                }
                reply.text.clone()
            }
            Answer::Gallery { entries, .. } => {
                json::write_string(object.key("kind"), "gallery");
                gallery::entries_to_json(entries)
            }
            Answer::FieldDoc { doc, .. } => {
                json::write_string(object.key("kind"), "fieldDoc");
                match doc {
                    Some(doc) => {
                        let mut body = String::new();
                        let mut fields = Object::open(&mut body);
                        json::write_string(fields.key("path"), &doc.path);
                        json::write_string(fields.key("text"), &doc.text);
                        fields.close();
                        body
                    }
                    None => String::new(),
                }
            }
            Answer::ShareLink { fragment, .. } => {
                json::write_string(object.key("kind"), "shareLink");
                fragment.clone()
            }
            Answer::Checks { found, .. } => {
                json::write_string(object.key("kind"), "checks");
                write_diagnostics(found)
            }
            Answer::Cluster { view, .. } => {
                json::write_string(object.key("kind"), "cluster");
                view.to_lines()
            }
            Answer::Failed { message, .. } => {
                json::write_string(object.key("kind"), "failed");
                message.clone()
            }
        };
        object.close();
        format!("{header}\n{body}")
    }

    /// Reads an answer message.
    pub fn from_message(message: &str) -> Result<Answer, String> {
        let (header, body) = message.split_once('\n').unwrap_or((message, ""));
        let root = single_json_document(header)?;
        let fields = root.object("struct Answer")?;
        let id = required(fields, "id", |value| unsigned(value, "u64"))?;
        match required(fields, "kind", string)?.as_str() {
            "lifecycle" => {
                let followed_bytes =
                    optional(fields, "followedBytes", |value| unsigned(value, "u64"))?
                        .map(|bytes| usize::try_from(bytes).unwrap_or(usize::MAX));
                let (followed, body) = match followed_bytes {
                    Some(bytes) => {
                        let followed = body
                            .get(..bytes)
                            .ok_or("followedBytes is not a place in the body")?;
                        (Some(followed.to_owned()), &body[bytes..])
                    }
                    None => (None, body),
                };
                Ok(Answer::Lifecycle {
                    id,
                    view: if body.is_empty() {
                        None
                    } else {
                        Some(LifecycleView::from_json(body)?)
                    },
                    stale: required(fields, "stale", boolean)?,
                    drawn: required(fields, "drawn", boolean)?,
                    followed,
                })
            }
            "console" => Ok(Answer::Console {
                id,
                reply: Reply {
                    text: body.to_owned(),
                    error: required(fields, "error", boolean)?,
                    action: optional(fields, "action", read_action)?,
                    follow: optional(fields, "follow", boolean)?.unwrap_or(false),
                    shell: match optional(fields, "shell", string)? {
                        Some(state) => Some(ShellHandle {
                            state,
                            prompt: required(fields, "prompt", string)?,
                        }),
                        None => None,
                    },
                },
            }),
            "gallery" => Ok(Answer::Gallery {
                id,
                entries: gallery::entries_from_json(body)?,
            }),
            "fieldDoc" => Ok(Answer::FieldDoc {
                id,
                doc: if body.is_empty() {
                    None
                } else {
                    let root = single_json_document(body)?;
                    let fields = root.object("struct Doc")?;
                    Some(Doc {
                        path: required(fields, "path", string)?,
                        text: required(fields, "text", string)?,
                    })
                },
            }),
            "shareLink" => Ok(Answer::ShareLink {
                id,
                fragment: body.to_owned(),
            }),
            "checks" => Ok(Answer::Checks {
                id,
                found: read_diagnostics(body)?,
            }),
            "cluster" => Ok(Answer::Cluster {
                id,
                view: ClusterView::from_lines(body),
            }),
            "failed" => Ok(Answer::Failed {
                id,
                message: body.to_owned(),
            }),
            other => Err(json::unknown(
                "variant",
                other,
                &[
                    "lifecycle",
                    "console",
                    "gallery",
                    "fieldDoc",
                    "checks",
                    "shareLink",
                    "cluster",
                    "failed",
                ],
            )),
        }
    }
}

/// Diagnostics as JSON: `[[severity, message, hint or null, path, [line, column, offset, …end]],
/// …]`, each message as it reads.
fn write_diagnostics(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    json::write_list(&mut out, diagnostics, |out, diagnostic| {
        let (start, end) = (diagnostic.span.start, diagnostic.span.end);
        out.push('[');
        let severity = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        json::write_string(out, severity);
        out.push(',');
        json::write_string(out, &diagnostic.message());
        out.push(',');
        match &diagnostic.hint {
            Some(hint) => json::write_string(out, hint),
            None => out.push_str("null"),
        }
        out.push(',');
        json::write_string(out, &diagnostic.path);
        out.push_str(&format!(
            ",[{},{},{},{},{},{}]]",
            start.line, start.column, start.offset_chars, end.line, end.column, end.offset_chars
        ));
    });
    out
}

/// Reads what [`write_diagnostics`] writes, each diagnostic as [`DiagnosticKind::Relayed`].
fn read_diagnostics(body: &str) -> Result<Vec<Diagnostic>, String> {
    let root = single_json_document(body)?;
    let Json::Array(items) = root else {
        return Err(root.invalid_type("a sequence"));
    };
    let mut diagnostics = Vec::new();
    for item in &items {
        let Json::Array(parts) = item else {
            return Err(item.invalid_type("a sequence"));
        };
        let [severity, message, hint, path, span] = parts.as_slice() else {
            return Err("a diagnostic has five parts".to_owned());
        };
        let numbers = list(span, |value| unsigned(value, "u64"))?;
        let [l1, c1, o1, l2, c2, o2] = numbers.as_slice() else {
            return Err("a span has six numbers".to_owned());
        };
        let position = |line: u64, column: u64, offset: u64| Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
            offset_chars: usize::try_from(offset).unwrap_or(usize::MAX),
        };
        let severity = match string(severity)?.as_str() {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            "note" => Severity::Note,
            other => {
                return Err(json::unknown(
                    "variant",
                    other,
                    &["error", "warning", "note"],
                ));
            }
        };
        diagnostics.push(Diagnostic {
            severity,
            kind: DiagnosticKind::Relayed {
                message: string(message)?,
            },
            path: string(path)?,
            span: Span {
                start: position(*l1, *c1, *o1),
                end: position(*l2, *c2, *o2),
            },
            hint: match hint {
                Json::Null => None,
                hint => Some(string(hint)?),
            },
        });
    }
    Ok(diagnostics)
}

/// The one action of a scenario written to carry it.
fn read_action(value: &Json) -> Read<Action> {
    let carrier = Scenario::from_json_value(value)?;
    carrier
        .actions
        .into_iter()
        .next()
        .ok_or_else(|| "a console answer's action is missing".to_owned())
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: app, image: 'nginx:1.27'}]\n";

    fn scenario(manifest: &str) -> Scenario {
        Scenario {
            manifest: manifest.to_owned(),
            ..Scenario::default()
        }
    }

    /// Sends `request` through its message, answers it as the worker does, reads the answer
    /// back, and renders it.
    fn check(request: Request, expected: Expect) {
        let message = request.to_message();
        assert_eq!(Request::from_message(&message), Ok(request.clone()));
        let answered = answer_message(&message);
        let answer = Answer::from_message(&answered).expect("an answer reads back");
        // Diagnostics cross as their messages, so the answers compare as messages.
        assert_eq!(answer.to_message(), super::answer(&request).to_message());
        let rendered = match &answer {
            Answer::Lifecycle {
                id,
                view,
                stale,
                drawn,
                followed,
            } => match view {
                Some(view) => format!(
                    "lifecycle {id}: {} steps, last {} at {}, Pod IP {:?}, stale {stale}, drawn {drawn}{}",
                    view.steps.len(),
                    view.views.last().map_or("", |v| v.status.as_str()),
                    view.steps.last().map_or(VirtualTime::ZERO, |s| s.at),
                    view.observed.pod_ip,
                    followed
                        .as_deref()
                        .map(|yaml| {
                            let pod = state::followed_pod(yaml).expect("its YAML reads back");
                            format!(
                                ", followed pod/{} on {}",
                                pod.name(),
                                pod.spec.node_name.clone().unwrap_or_default()
                            )
                        })
                        .unwrap_or_default()
                ),
                None => format!("lifecycle {id}: none"),
            },
            Answer::Console { id, reply } => format!(
                "console {id}: error {}, action {:?}\n{}",
                reply.error,
                reply.action.as_ref().map(|action| action.what.name()),
                reply.text
            ),
            Answer::Gallery { id, entries } => format!(
                "gallery {id}: {} examples, first {}",
                entries.len(),
                entries.first().map_or("", |entry| entry.id.as_str())
            ),
            Answer::FieldDoc { id, doc } => format!("field doc {id}: {doc:?}"),
            Answer::Checks { id, found } => format!(
                "checks {id}:\n{}",
                found
                    .iter()
                    .map(|found| format!(
                        "{:?} {found} [{}]\n",
                        found.severity,
                        found.hint.as_deref().unwrap_or("")
                    ))
                    .collect::<String>()
            ),
            Answer::ShareLink { id, fragment } => format!(
                "share link {id}: {}, reads back {}",
                &fragment[..fragment.len().min(4)],
                share_link::decode(fragment).is_ok()
            ),
            Answer::Cluster { id, view } => format!("cluster {id}: {view:?}"),
            Answer::Failed { id, message } => format!("failed {id}: {message}"),
        };
        expected.assert_eq(&rendered);
    }

    /// The cluster view of a Deployment beside a naked Pod, 30 s in: the node with their
    /// Pods, and the ownership chain.
    #[test]
    fn the_cluster_view_crosses_too() {
        let manifest = format!(
            "{POD}---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: web}}\nspec:\n  replicas: 2\n  selector: {{matchLabels: {{app: web}}}}\n  template:\n    metadata: {{labels: {{app: web}}}}\n    spec:\n      containers: [{{name: app, image: 'nginx:1.27'}}]\n"
        );
        check(
            Request::Cluster {
                id: 12,
                scenario: scenario(&manifest),
                at: VirtualTime::from_secs(30),
            },
            expect![[
                r#"cluster 12: ClusterView { nodes: [NodeBox { name: "node-1", status: "Ready", pods: [PodChip { name: "web", ready: "1/1", status: "Running" }, PodChip { name: "web-6dc4775f54-7gm6h", ready: "1/1", status: "Running" }, PodChip { name: "web-6dc4775f54-dztlj", ready: "1/1", status: "Running" }] }], unplaced: [], owners: [OwnerRow { depth: 0, object: "deployment.apps/web", state: "2/2 ready", acts: ObjectActs { workload: "deployment/web", replicas: Some(2), image: Some(("app", "nginx:1.27")), roll_back: false } }, OwnerRow { depth: 1, object: "replicaset.apps/web-6dc4775f54", state: "2/2 ready", acts: ObjectActs { workload: "replicaset/web-6dc4775f54", replicas: None, image: None, roll_back: false } }, OwnerRow { depth: 2, object: "pod/web-6dc4775f54-7gm6h", state: "Running", acts: ObjectActs { workload: "", replicas: None, image: None, roll_back: false } }, OwnerRow { depth: 2, object: "pod/web-6dc4775f54-dztlj", state: "Running", acts: ObjectActs { workload: "", replicas: None, image: None, roll_back: false } }, OwnerRow { depth: 0, object: "pod/web", state: "Running", acts: ObjectActs { workload: "", replicas: None, image: None, roll_back: false } }] }"#
            ]],
        );
    }

    #[test]
    fn a_lifecycle_crosses_to_the_worker_and_back() {
        check(
            Request::Lifecycle {
                id: 7,
                scenario: scenario(POD),
                before: None,
                follow: None,
            },
            expect![[
                r#"lifecycle 7: 3 steps, last Running at 2s, Pod IP Some("10.244.0.5"), stale false, drawn true"#
            ]],
        );
        check(
            Request::Lifecycle {
                id: 8,
                scenario: scenario("kind: Pod\n"),
                before: None,
                follow: None,
            },
            expect!["lifecycle 8: none"],
        );
        // A Deployment's lifecycle is that of the first Pod its ReplicaSet creates.
        let deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: app, image: 'nginx:1.27'}]\n";
        check(
            Request::Lifecycle {
                id: 10,
                scenario: scenario(deployment),
                before: None,
                follow: None,
            },
            expect![[
                r#"lifecycle 10: 3 steps, last Running at 2s, Pod IP Some("10.244.0.5"), stale false, drawn false"#
            ]],
        );
        // A Pod selected in the cluster view is followed, and its object comes for the diagram;
        // a name the run does not have leaves the first Pod's story.
        let two = deployment.replace("spec:\n  selector", "spec:\n  replicas: 2\n  selector");
        check(
            Request::Lifecycle {
                id: 11,
                scenario: scenario(&two),
                before: None,
                follow: Some("web-6dc4775f54-7gm6h".to_owned()),
            },
            expect![[
                r#"lifecycle 11: 3 steps, last Running at 2s, Pod IP Some("10.244.0.6"), stale false, drawn false, followed pod/web-6dc4775f54-7gm6h on node-1"#
            ]],
        );
        check(
            Request::Lifecycle {
                id: 12,
                scenario: scenario(deployment),
                before: None,
                follow: Some("web-gone".to_owned()),
            },
            expect![[
                r#"lifecycle 12: 3 steps, last Running at 2s, Pod IP Some("10.244.0.5"), stale false, drawn false"#
            ]],
        );
        // While an edit in progress breaks the text, the text before it runs.
        let broken = POD.replace("image: 'nginx:1.27'", "image: ''");
        check(
            Request::Lifecycle {
                id: 9,
                scenario: scenario(&broken),
                before: Some(POD.to_owned()),
                follow: None,
            },
            expect![[
                r#"lifecycle 9: 3 steps, last Running at 2s, Pod IP Some("10.244.0.5"), stale true, drawn false"#
            ]],
        );
    }

    #[test]
    fn a_console_command_crosses_with_its_action() {
        check(
            Request::Console {
                id: 3,
                line: "kubectl delete pod web".to_owned(),
                scenario: scenario(POD),
                at: VirtualTime::from_secs(5),
                shell: None,
            },
            expect![[r#"
                console 3: error false, action Some("deletePod")
                pod "web" deleted
            "#]],
        );
        check(
            Request::Console {
                id: 4,
                line: "kubectl get pods".to_owned(),
                scenario: scenario(POD),
                at: VirtualTime::from_secs(5),
                shell: None,
            },
            expect![[r#"
                console 4: error false, action None
                NAME   READY   STATUS    RESTARTS   AGE
                web    1/1     Running   0          5s
            "#]],
        );
    }

    #[test]
    fn the_gallery_and_field_docs_cross_too() {
        check(
            Request::Gallery { id: 5 },
            expect!["gallery 5: 61 examples, first my-pod"],
        );
        check(
            Request::FieldDoc {
                id: 6,
                text: POD.to_owned(),
                line: 5,
                column: 19,
                caret: true,
            },
            expect![[
                r#"field doc 6: Some(Doc { path: "spec.containers[0].name", text: "The container's name, a DNS label unique within the Pod. Cannot be updated." })"#
            ]],
        );
        check(
            Request::FieldDoc {
                id: 7,
                text: POD.to_owned(),
                line: 1,
                column: 30,
                caret: false,
            },
            expect!["field doc 7: None"],
        );
    }

    #[test]
    fn the_checks_are_made_on_the_model_thread_and_join_what_the_page_read() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: app, image: nginx, ports: [{containerPort: 0}]}]\n";
        check(
            Request::Checks {
                id: 9,
                text: text.to_owned(),
                static_pod: true,
            },
            expect![[r#"
                checks 9:
                Error 5:66: spec.containers[0].ports[0].containerPort: Required value []
            "#]],
        );
        let lints = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: app, image: nginx}]\n";
        check(
            Request::Checks {
                id: 10,
                text: lints.to_owned(),
                static_pod: true,
            },
            expect![[r#"
                checks 10:
                Warning 5:3: spec.securityContext: nothing stops "app" from running as root: many images (nginx, busybox) default to it [set spec.securityContext.runAsNonRoot: true and a runAsUser (e.g. 1000), with an image that supports it]
                Warning 5:16: spec.containers[0].resources: container "app" has no resource requests or memory limit: the scheduler cannot place it well, and without a memory limit it can starve its neighbours until the node OOM-kills something [set resources.requests (cpu, memory) and resources.limits.memory]
                Warning 5:16: spec.containers[0]: container "app" runs for a long time but has no readiness or liveness probe: traffic reaches it before it is ready, and a hung process is never restarted [add a readinessProbe (and a livenessProbe) that checks the port the container serves]
                Warning 5:35: spec.containers[0].image: image "nginx" has no tag, so it means :latest: each node may run a different version [pin a version tag (nginx:1.27) or a digest (nginx@sha256:…)]
            "#]],
        );
        // What the page read and what the model thread found make the whole check, message for
        // message.
        let Answer::Checks { found, .. } = Answer::from_message(&answer_message(
            &Request::Checks {
                id: 1,
                text: text.to_owned(),
                static_pod: false,
            }
            .to_message(),
        ))
        .expect("an answer reads back") else {
            panic!("checks")
        };
        let shown = |diagnostics: &[Diagnostic]| -> Vec<String> {
            diagnostics
                .iter()
                .map(|d| format!("{:?} {d} {:?} {}", d.severity, d.hint, d.path))
                .collect()
        };
        let mut page = state::read_to_draw(text).diagnostics;
        crate::lint::merge(&mut page, found);
        assert_eq!(
            shown(&page),
            shown(&state::check(text, Delivery::ApiServer).diagnostics)
        );
    }

    #[test]
    fn a_share_link_is_made_on_the_model_thread() {
        check(
            Request::ShareLink {
                id: 8,
                state: SharedState {
                    scenario: scenario(POD),
                    step: 2,
                    panels: vec!["pod".to_owned()],
                    pod: None,
                },
            },
            expect!["share link 8: #v1., reads back true"],
        );
    }

    #[test]
    fn a_damaged_request_gets_a_failed_answer() {
        let answered = answer_message("{\"id\": 9, \"kind\": \"sing\", \"scenario\": null}\n");
        expect![[r#"
            {"id":9,"kind":"failed"}
            unknown variant `sing`, expected one of `lifecycle`, `console`, `gallery`, `fieldDoc`, `checks`, `shareLink`, `cluster`"#]]
        .assert_eq(&answered);
        let answered = answer_message("not json at all: [");
        assert!(
            answered.starts_with("{\"id\":0,\"kind\":\"failed\"}\n"),
            "{answered}"
        );
    }
}
