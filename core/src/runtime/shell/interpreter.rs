//! Runs a parsed script against a [`Host`], on the host's virtual clock, within a step budget and
//! a time horizon, so that no script (not even `while true; do :; done`) can hang the page.

use std::collections::{BTreeMap, BTreeSet};

use crate::base::time::VirtualTime;
use crate::runtime::shell::host::{FileKind, FsError, Host};
use crate::runtime::shell::syntax::{
    self, AndOr, Command, Connector, List, Part, Pipeline, Redirect, Word,
};

/// Bounds on a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The most commands a run may execute.
    pub max_steps: u64,
    /// The instant the run stops at, still running, if it has not ended.
    pub horizon: VirtualTime,
    /// The most output lines kept.
    pub max_output_lines: usize,
}

impl Limits {
    /// Generous bounds for a run that ends at `horizon`.
    pub fn until(horizon: VirtualTime) -> Limits {
        Limits {
            max_steps: 100_000,
            horizon,
            max_output_lines: 10_000,
        }
    }
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The script exited with this status.
    Exited(i32),
    /// The horizon came first: the process is still running (sleeping, looping, serving).
    Running,
    /// The step budget ran out without time passing: a busy loop. The process keeps a CPU busy.
    BusyLoop,
}

/// The result of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// How it ended.
    pub outcome: Outcome,
    /// The instant it ended (or the horizon).
    pub ended_at: VirtualTime,
    /// Things the interpreter did not know and how it treated them, each said once.
    pub notes: Vec<String>,
    /// The working directory it ended in (`cd`), for an interactive shell's next line.
    pub cwd: String,
    /// Its variables when it ended, for an interactive shell's next line.
    pub vars: BTreeMap<String, String>,
}

/// Parses and runs `script` (the text after `sh -c`) with `env`.
pub fn run_script(
    script: &str,
    env: &BTreeMap<String, String>,
    host: &mut dyn Host,
    limits: Limits,
) -> Run {
    match syntax::parse(script) {
        Ok(list) => run(&list, env, host, limits),
        Err(error) => {
            host.stderr(&error.to_string());
            Run {
                outcome: Outcome::Exited(2),
                ended_at: host.now(),
                notes: Vec::new(),
                cwd: "/".to_owned(),
                vars: BTreeMap::new(),
            }
        }
    }
}

/// Runs a parsed script with `env`.
pub fn run(
    list: &List,
    env: &BTreeMap<String, String>,
    host: &mut dyn Host,
    limits: Limits,
) -> Run {
    let mut shell = Shell {
        host,
        vars: env.clone(),
        status: 0,
        steps: 0,
        limits,
        notes: BTreeSet::new(),
        lines: 0,
        cwd: "/".to_owned(),
        depth: 0,
        clock_seen: VirtualTime::ZERO,
        steps_without_time: 0,
        silenced: 0,
        partial: String::new(),
        stopped: BTreeSet::new(),
        stdin: None,
    };
    let flow = shell.list(list);
    // Output without a final newline is still a log line.
    if !shell.partial.is_empty() {
        let line = std::mem::take(&mut shell.partial);
        shell.host.stdout(&line);
    }
    let outcome = match flow {
        Flow::Normal => Outcome::Exited(shell.status),
        Flow::Exit(code) => Outcome::Exited(code),
        Flow::Break(_) | Flow::Continue(_) => Outcome::Exited(shell.status),
        Flow::Stop(stop) => stop,
    };
    Run {
        outcome,
        ended_at: shell.host.now(),
        notes: shell.notes.into_iter().collect(),
        cwd: shell.cwd,
        vars: shell.vars,
    }
}

/// A signal's number from its name (`TERM`, `SIGTERM`) or number (`15`).
pub fn signal_number(name: &str) -> Option<i32> {
    if let Ok(number) = name.parse::<i32>() {
        return (0..=64).contains(&number).then_some(number);
    }
    let name = name.strip_prefix("SIG").unwrap_or(name);
    let number = match name.to_ascii_uppercase().as_str() {
        "HUP" => 1,
        "INT" => 2,
        "QUIT" => 3,
        "KILL" => 9,
        "USR1" => 10,
        "USR2" => 12,
        "TERM" => 15,
        "CONT" => 18,
        "STOP" => 19,
        _ => return None,
    };
    Some(number)
}

/// A process's name as `pkill` matches it: its program's file name (`nginx` for nginx's
/// `nginx: master process …`).
fn process_name(line: &str) -> &str {
    let program = line.split_whitespace().next().unwrap_or_default();
    let program = program.trim_end_matches(':');
    program.rsplit('/').next().unwrap_or(program)
}

/// What happens after a command.
enum Flow {
    /// Go on.
    Normal,
    /// `exit N`.
    Exit(i32),
    /// `break N`: leave this many enclosing loops.
    Break(u32),
    /// `continue N`: go on with the next round of the Nth enclosing loop.
    Continue(u32),
    /// The run is over without exiting (horizon, busy loop, an unknown long-running program).
    Stop(Outcome),
}

/// Where a command's output goes.
enum Sink {
    /// The container's log.
    Log,
    /// Collected, for a pipe, a redirection or `$( … )`.
    Buffer(String),
    /// The container's log as standard error (`>&2`).
    ErrorLog,
}

struct Shell<'h> {
    /// Standard output written since the last newline.
    partial: String,
    /// What is left of the input of the enclosing loop (`while read …; done < file`).
    stdin: Option<String>,
    /// Programs this script stopped (`nginx -s quit`).
    stopped: BTreeSet<String>,
    host: &'h mut dyn Host,
    vars: BTreeMap<String, String>,
    status: i32,
    steps: u64,
    limits: Limits,
    notes: BTreeSet<String>,
    lines: usize,
    cwd: String,
    /// How deep `sh -c` and `$( … )` are nested.
    depth: usize,
    /// The clock at the last step, and the steps since it last moved.
    clock_seen: VirtualTime,
    steps_without_time: u64,
    /// While above zero, standard error goes nowhere (`2>/dev/null`).
    silenced: usize,
}

/// The longest value a variable or word may hold; longer ones are cut.
const MAX_VALUE_BYTES: usize = 1024 * 1024;

/// Cuts `text` to [`MAX_VALUE_BYTES`] at a character boundary.
fn capped(mut text: String) -> String {
    if text.len() > MAX_VALUE_BYTES {
        let mut end = MAX_VALUE_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

/// The deepest nesting of `sh -c` and `$( … )`.
const MAX_DEPTH: usize = 16;

/// What a loop does after one round of its body: `None` to go on, or the flow to leave with
/// (`break` ends this loop normally; `break 2` and `continue 2` reach the loop outside).
fn loop_round(flow: Flow) -> Option<Flow> {
    match flow {
        Flow::Normal | Flow::Continue(1) => None,
        Flow::Break(1) => Some(Flow::Normal),
        Flow::Break(n) => Some(Flow::Break(n - 1)),
        Flow::Continue(n) => Some(Flow::Continue(n - 1)),
        other => Some(other),
    }
}

/// Runs `$body` and returns early from the enclosing function unless it flowed normally.
macro_rules! flow {
    ($body:expr) => {
        match $body {
            Flow::Normal => {}
            other => return other,
        }
    };
}

impl Shell<'_> {
    fn list(&mut self, list: &List) -> Flow {
        for and_or in &list.0 {
            flow!(self.and_or(and_or, &mut Sink::Log));
        }
        Flow::Normal
    }

    fn list_to(&mut self, list: &List, sink: &mut Sink) -> Flow {
        for and_or in &list.0 {
            flow!(self.and_or(and_or, sink));
        }
        Flow::Normal
    }

    fn and_or(&mut self, and_or: &AndOr, sink: &mut Sink) -> Flow {
        if and_or.background {
            self.note("a command run in the background (&) runs here in the foreground");
        }
        flow!(self.pipeline(&and_or.first, sink));
        for (connector, pipeline) in &and_or.rest {
            let run = match connector {
                Connector::And => self.status == 0,
                Connector::Or => self.status != 0,
            };
            if run {
                flow!(self.pipeline(pipeline, sink));
            }
        }
        Flow::Normal
    }

    fn pipeline(&mut self, pipeline: &Pipeline, sink: &mut Sink) -> Flow {
        let mut input: Option<String> = None;
        let last = pipeline.commands.len().saturating_sub(1);
        for (index, command) in pipeline.commands.iter().enumerate() {
            if index == last {
                flow!(self.command(command, input.take(), sink));
            } else {
                let mut buffer = Sink::Buffer(String::new());
                flow!(self.command(command, input.take(), &mut buffer));
                if let Sink::Buffer(text) = buffer {
                    input = Some(text);
                }
            }
        }
        if pipeline.negated {
            self.status = i32::from(self.status == 0);
        }
        Flow::Normal
    }

    /// Counts a step; stops the run when the budget or the horizon is spent.
    fn step(&mut self) -> Flow {
        self.steps += 1;
        let now = self.host.now();
        if now >= self.limits.horizon {
            return Flow::Stop(Outcome::Running);
        }
        if now != self.clock_seen {
            self.clock_seen = now;
            self.steps_without_time = 0;
        }
        self.steps_without_time += 1;
        if self.steps_without_time > self.limits.max_steps {
            self.note(
                "a loop ran without pausing; stopped after the step budget, as a busy process",
            );
            return Flow::Stop(Outcome::BusyLoop);
        }
        if self.steps > self.limits.max_steps.saturating_mul(20) {
            self.note("a script ran very many commands; the playground stopped following it there");
            return Flow::Stop(Outcome::Running);
        }
        Flow::Normal
    }

    fn command(&mut self, command: &Command, input: Option<String>, sink: &mut Sink) -> Flow {
        flow!(self.step());
        match command {
            Command::Simple {
                assignments,
                words,
                redirects,
            } => {
                let mut fields = Vec::new();
                for word in words {
                    fields.extend(self.expand(word));
                }
                if fields.is_empty() {
                    for (name, value) in assignments {
                        let value = self.expand_joined(value);
                        self.vars.insert(name.clone(), capped(value));
                    }
                    self.status = 0;
                    return Flow::Normal;
                }
                let saved: Vec<(String, Option<String>)> = assignments
                    .iter()
                    .map(|(name, value)| {
                        let value = self.expand_joined(value);
                        (name.clone(), self.vars.insert(name.clone(), value))
                    })
                    .collect();
                let flow = self.with_redirects(redirects, input, sink, |shell, input, sink| {
                    shell.program(&fields, input, sink)
                });
                for (name, old) in saved {
                    match old {
                        Some(old) => self.vars.insert(name, old),
                        None => self.vars.remove(&name),
                    };
                }
                flow
            }
            Command::Loop {
                until,
                condition,
                body,
                redirects,
            } => self.with_redirects(redirects, input, sink, |shell, input, sink| {
                // `while read line; do …; done < file` reads the loop's input line by line.
                let saved = input.map(|text| shell.stdin.replace(text));
                let flow = loop {
                    if let Flow::Stop(stop) = shell.step() {
                        break Flow::Stop(stop);
                    }
                    match shell.list_to(condition, sink) {
                        Flow::Normal => {}
                        other => break other,
                    }
                    if (shell.status == 0) == *until {
                        shell.status = 0;
                        break Flow::Normal;
                    }
                    match loop_round(shell.list_to(body, sink)) {
                        Some(flow) => break flow,
                        None => continue,
                    }
                };
                if let Some(saved) = saved {
                    shell.stdin = saved;
                }
                flow
            }),
            Command::For { name, items, body } => {
                let mut values = Vec::new();
                for item in items {
                    values.extend(self.expand(item));
                }
                for value in values {
                    flow!(self.step());
                    self.vars.insert(name.clone(), capped(value));
                    if let Some(flow) = loop_round(self.list_to(body, sink)) {
                        return flow;
                    }
                }
                Flow::Normal
            }
            Command::If {
                branches,
                otherwise,
            } => {
                for (condition, body) in branches {
                    flow!(self.list_to(condition, sink));
                    if self.status == 0 {
                        return self.list_to(body, sink);
                    }
                }
                match otherwise {
                    Some(body) => self.list_to(body, sink),
                    None => {
                        self.status = 0;
                        Flow::Normal
                    }
                }
            }
            Command::Group(body, redirects) => {
                self.with_redirects(redirects, input, sink, |shell, _, sink| {
                    shell.list_to(body, sink)
                })
            }
        }
    }

    /// Runs `inner` with the redirections applied: output to a file is collected and written
    /// when the command ends; input comes from a file.
    fn with_redirects(
        &mut self,
        redirects: &[Redirect],
        input: Option<String>,
        sink: &mut Sink,
        inner: impl FnOnce(&mut Self, Option<String>, &mut Sink) -> Flow,
    ) -> Flow {
        let mut input = input;
        let mut target: Option<(String, bool)> = None;
        let mut silence = false;
        let mut to_error = false;
        for redirect in redirects {
            match redirect {
                Redirect::Write(word) => target = Some((self.path_of(word), false)),
                Redirect::WriteBoth(word) => {
                    let path = self.path_of(word);
                    silence |= path == "/dev/null";
                    target = Some((path, false));
                }
                Redirect::Append(word) => target = Some((self.path_of(word), true)),
                Redirect::Read(word) => {
                    let path = self.path_of(word);
                    match self.host.read(&path) {
                        Ok(text) => input = Some(text),
                        Err(error) => {
                            self.host
                                .stderr(&format!("sh: can't open '{path}': {}", error.message()));
                            self.status = 1;
                            return Flow::Normal;
                        }
                    }
                }
                Redirect::WriteError(word) | Redirect::AppendError(word) => {
                    // Standard error to a file: only /dev/null is followed (the rest stays in the log).
                    if self.path_of(word) == "/dev/null" {
                        silence = true;
                    }
                }
                Redirect::ErrorToOutput => {}
                Redirect::OutputToError => to_error = true,
            }
        }
        if silence {
            self.silenced += 1;
        }
        let flow = if to_error && target.is_none() && matches!(sink, Sink::Log) {
            self.redirected(target, input, &mut Sink::ErrorLog, inner)
        } else {
            self.redirected(target, input, sink, inner)
        };
        if silence {
            self.silenced -= 1;
        }
        flow
    }

    /// Runs `inner` with its output going to `target`, if any.
    fn redirected(
        &mut self,
        target: Option<(String, bool)>,
        input: Option<String>,
        sink: &mut Sink,
        inner: impl FnOnce(&mut Self, Option<String>, &mut Sink) -> Flow,
    ) -> Flow {
        let Some((path, append)) = target else {
            return inner(self, input, sink);
        };
        // Create (or truncate) the file first, as the shell does before running the command.
        if let Err(error) = self.host.write(&path, "", append) {
            self.host
                .stderr(&format!("sh: can't create {path}: {}", error.message()));
            self.status = 1;
            return Flow::Normal;
        }
        let mut buffer = Sink::Buffer(String::new());
        let flow = inner(self, input, &mut buffer);
        if let Sink::Buffer(text) = buffer
            && let Err(error) = self.host.write(&path, &text, true)
        {
            self.host
                .stderr(&format!("sh: write error: {}", error.message()));
            self.status = 1;
        }
        flow
    }

    fn path_of(&mut self, word: &Word) -> String {
        let text = self.expand_joined(word);
        self.absolute(&text)
    }

    fn absolute(&self, path: &str) -> String {
        let joined = if path.starts_with('/') {
            path.to_owned()
        } else if self.cwd == "/" {
            format!("/{path}")
        } else {
            format!("{}/{path}", self.cwd)
        };
        normalize(&joined)
    }

    fn note(&mut self, note: &str) {
        self.notes.insert(note.to_owned());
    }

    /// Writes `text` to the sink: whole lines to the log, or into the buffer.
    fn emit(&mut self, sink: &mut Sink, text: &str) {
        match sink {
            Sink::Buffer(buffer) => {
                if buffer.len() < 1024 * 1024 {
                    buffer.push_str(text);
                }
            }
            Sink::Log | Sink::ErrorLog => {
                if text.is_empty() {
                    return;
                }
                // Standard output without a newline waits for the rest of its line.
                let joined;
                let text = if matches!(sink, Sink::Log) {
                    joined = format!("{}{text}", std::mem::take(&mut self.partial));
                    match joined.rfind('\n') {
                        Some(end) => {
                            self.partial = joined[end + 1..].to_owned();
                            &joined[..=end]
                        }
                        None => {
                            self.partial = joined;
                            return;
                        }
                    }
                } else {
                    text
                };
                for line in text.strip_suffix('\n').unwrap_or(text).split('\n') {
                    if self.lines < self.limits.max_output_lines {
                        self.lines += 1;
                        if matches!(sink, Sink::ErrorLog) {
                            self.host.stderr(line);
                        } else {
                            self.host.stdout(line);
                        }
                    }
                }
            }
        }
    }

    fn error(&mut self, text: &str) {
        if self.silenced == 0 && self.lines < self.limits.max_output_lines {
            self.lines += 1;
            self.host.stderr(text);
        }
    }

    // Expansion.

    /// The fields a word expands to: variables, commands and arithmetic substituted, unquoted
    /// text split on whitespace and globbed.
    fn expand(&mut self, word: &Word) -> Vec<String> {
        let mut fields: Vec<String> = Vec::new();
        let mut current = String::new();
        let mut has_current = false;
        let mut glob = false;
        for part in &word.0 {
            match part {
                Part::Literal(text) => {
                    current.push_str(text);
                    has_current = true;
                }
                Part::Unquoted(text) => {
                    glob |= text.contains('*') || text.contains('?');
                    current.push_str(text);
                    has_current = true;
                }
                Part::Quoted(parts) => {
                    for inner in parts {
                        current.push_str(&self.expand_part(inner));
                    }
                    has_current = true;
                }
                Part::Variable(_) | Part::Command(_) | Part::Arithmetic(_) => {
                    let value = self.expand_part(part);
                    let mut pieces = value.split_whitespace().peekable();
                    if value.starts_with(char::is_whitespace) && has_current {
                        fields.push(std::mem::take(&mut current));
                        has_current = false;
                    }
                    while let Some(piece) = pieces.next() {
                        current.push_str(piece);
                        has_current = true;
                        if pieces.peek().is_some() {
                            fields.push(std::mem::take(&mut current));
                        }
                    }
                    if value.ends_with(char::is_whitespace) && has_current {
                        fields.push(std::mem::take(&mut current));
                        has_current = false;
                    }
                }
            }
        }
        if has_current {
            fields.push(current);
        }
        let fields: Vec<String> = fields.into_iter().map(capped).collect();
        let mut fields = fields;
        if glob {
            fields = fields
                .into_iter()
                .flat_map(|field| self.glob(field))
                .collect();
        }
        fields
    }

    /// A word expanded into one string (for assignments and file names).
    fn expand_joined(&mut self, word: &Word) -> String {
        capped(self.expand_joined_uncapped(word))
    }

    fn expand_joined_uncapped(&mut self, word: &Word) -> String {
        let mut out = String::new();
        for part in &word.0 {
            match part {
                Part::Literal(text) | Part::Unquoted(text) => out.push_str(text),
                Part::Quoted(parts) => {
                    for inner in parts {
                        out.push_str(&self.expand_part(inner));
                    }
                }
                other => out.push_str(&self.expand_part(other)),
            }
        }
        out
    }

    fn expand_part(&mut self, part: &Part) -> String {
        match part {
            Part::Literal(text) | Part::Unquoted(text) => text.clone(),
            Part::Variable(name) => match name.as_str() {
                "?" => self.status.to_string(),
                "$" => "1".to_owned(),
                "#" => "0".to_owned(),
                "0" => "sh".to_owned(),
                "!" => String::new(),
                name => self.vars.get(name).cloned().unwrap_or_default(),
            },
            Part::Quoted(parts) => parts.iter().map(|inner| self.expand_part(inner)).collect(),
            Part::Command(list) => {
                if self.depth >= MAX_DEPTH {
                    self.error("sh: too many nested command substitutions");
                    return String::new();
                }
                let mut buffer = Sink::Buffer(String::new());
                self.depth += 1;
                // A stop inside `$( … )` (the horizon, the step budget) stops the next step too.
                let _ = self.list_to(list, &mut buffer);
                self.depth -= 1;
                match buffer {
                    Sink::Buffer(text) => text.trim_end_matches('\n').to_owned(),
                    Sink::Log | Sink::ErrorLog => String::new(),
                }
            }
            Part::Arithmetic(expression) => match arithmetic(expression, &self.vars) {
                Some(value) => value.to_string(),
                None => {
                    self.error(&format!("sh: arithmetic syntax error: {expression}"));
                    "0".to_owned()
                }
            },
        }
    }

    /// The files a pattern such as `/logs/*.log` matches, sorted; the pattern itself if none.
    fn glob(&self, pattern: String) -> Vec<String> {
        let absolute = self.absolute(&pattern);
        let (dir, name) = match absolute.rfind('/') {
            Some(0) => ("/".to_owned(), absolute[1..].to_owned()),
            Some(at) => (absolute[..at].to_owned(), absolute[at + 1..].to_owned()),
            None => return vec![pattern],
        };
        if dir.contains(['*', '?']) {
            return vec![pattern];
        }
        let matches: Vec<String> = self
            .host
            .list(&dir)
            .unwrap_or_default()
            .into_iter()
            .filter(|entry| wildcard(&name, entry))
            .map(|entry| {
                if dir == "/" {
                    format!("/{entry}")
                } else {
                    format!("{dir}/{entry}")
                }
            })
            .collect();
        if matches.is_empty() {
            vec![pattern]
        } else {
            matches
        }
    }

    // Programs.

    fn program(&mut self, fields: &[String], input: Option<String>, sink: &mut Sink) -> Flow {
        // `exec program …` runs the program in place of the shell.
        let skip = fields
            .iter()
            .take_while(|field| field.as_str() == "exec")
            .count();
        let Some((name, args)) = fields[skip..].split_first() else {
            return Flow::Normal;
        };
        let program = name.rsplit('/').next().unwrap_or(name);
        let status = match program {
            ":" | "true" => 0,
            "false" => 1,
            "break" | "continue" => {
                let levels = args
                    .first()
                    .and_then(|n| n.parse::<u32>().ok())
                    .filter(|n| *n > 0)
                    .unwrap_or(1);
                self.status = 0;
                return if program == "break" {
                    Flow::Break(levels)
                } else {
                    Flow::Continue(levels)
                };
            }
            "seq" => self.seq(args, sink),
            "expr" => self.expr(args, sink),
            "read" => self.read(args, input),
            "echo" => self.echo(args, sink),
            "printf" => self.printf(args, sink),
            "sleep" => return self.sleep(args),
            "exit" => {
                // Exit statuses are 8 bits; a code that is not a number is an error (2).
                let code = match args.first() {
                    None => self.status,
                    Some(text) => text
                        .parse::<i64>()
                        .map_or(2, |code| i32::try_from(code & 0xff).unwrap_or(2)),
                };
                return Flow::Exit(code);
            }
            "test" | "[" => self.test(args, program == "["),
            "touch" => self.touch(args),
            "rm" => self.rm(args),
            "mkdir" => self.mkdir(args),
            "cat" => self.cat(args, input, sink),
            "ls" => self.ls(args, sink),
            "wc" => self.wc(args, input, sink),
            "head" | "tail" if !args.iter().any(|a| a == "-f" || a == "-F") => {
                self.head_tail(program == "head", args, input, sink)
            }
            "tail" => return self.tail_follow(args, sink),
            "grep" => self.grep(args, input, sink),
            "date" => {
                let date = self.host.date();
                self.emit(sink, &format!("{date}\n"));
                0
            }
            "hostname" => {
                let name = self.host.hostname();
                self.emit(sink, &format!("{name}\n"));
                0
            }
            "printenv" | "env" => self.printenv(args, sink),
            "cd" => self.cd(args),
            "pwd" => {
                let cwd = format!("{}\n", self.cwd);
                self.emit(sink, &cwd);
                0
            }
            "export" | "readonly" => {
                for arg in args {
                    if let Some((name, value)) = arg.split_once('=') {
                        self.vars.insert(name.to_owned(), value.to_owned());
                    }
                }
                0
            }
            "set" | "trap" | "ulimit" | "umask" | "sync" | "wait" => 0,
            "nslookup" => self.nslookup(args, sink),
            "ps" if !self.host.processes().is_empty() => self.ps(sink),
            "wget" | "curl" => self.fetch(program, args, sink),
            // `nginx -s quit` asks the container's nginx to stop, as the docs' preStop hook does.
            "nginx" if args.first().is_some_and(|arg| arg == "-s") => {
                if args
                    .get(1)
                    .is_some_and(|signal| signal == "quit" || signal == "stop")
                {
                    self.stopped.insert("nginx".to_owned());
                }
                0
            }
            "killall" | "pkill"
                if args.first().is_some_and(|arg| arg == "-0")
                    && args.get(1).is_some_and(|name| self.stopped.contains(name)) =>
            {
                let name = args.get(1).cloned().unwrap_or_default();
                self.error(&format!("{program}: {name}: no process killed"));
                1
            }
            // In a container whose processes are known (an exec), signals reach them.
            "kill" | "pkill" | "killall" if !self.host.processes().is_empty() => {
                self.kill(program, args)
            }
            "kill" | "pkill" | "killall" => {
                self.note("kill: signals to other processes are not simulated");
                0
            }
            "sh" | "bash" | "ash" => return self.nested_shell(args, sink),
            _ => {
                self.note(&format!(
                    "\"{program}\" is not a command the playground knows: treated as a long-running process"
                ));
                let horizon = self.limits.horizon;
                let wait = horizon
                    .as_millis()
                    .saturating_sub(self.host.now().as_millis());
                self.host.sleep(wait);
                return Flow::Stop(Outcome::Running);
            }
        };
        self.status = status;
        Flow::Normal
    }

    /// `seq [FIRST [INCREMENT]] LAST`.
    fn seq(&mut self, args: &[String], sink: &mut Sink) -> i32 {
        let numbers: Option<Vec<i64>> = args.iter().map(|arg| arg.parse().ok()).collect();
        let (first, step, last) = match numbers.as_deref() {
            Some([last]) => (1, 1, *last),
            Some([first, last]) => (*first, 1, *last),
            Some([first, step, last]) => (*first, *step, *last),
            _ => {
                self.error("seq: invalid argument");
                return 1;
            }
        };
        if step == 0 {
            self.error("seq: invalid increment");
            return 1;
        }
        let mut text = String::new();
        let mut value = first;
        // At most 100,000 numbers, as with every other bound of the shell.
        for _ in 0..100_000 {
            if (step > 0 && value > last) || (step < 0 && value < last) {
                break;
            }
            text.push_str(&format!("{value}\n"));
            value = value.saturating_add(step);
        }
        self.emit(sink, &text);
        0
    }

    /// `expr A OP B`: integer arithmetic and comparisons; exits 1 when the result is 0.
    fn expr(&mut self, args: &[String], sink: &mut Sink) -> i32 {
        let result = match args {
            [single] => Some(single.clone()),
            [a, op, b] => {
                let (x, y) = (a.parse::<i64>(), b.parse::<i64>());
                match (x, y, op.as_str()) {
                    (Ok(x), Ok(y), "+") => Some(x.wrapping_add(y).to_string()),
                    (Ok(x), Ok(y), "-") => Some(x.wrapping_sub(y).to_string()),
                    (Ok(x), Ok(y), "*") => Some(x.wrapping_mul(y).to_string()),
                    (Ok(x), Ok(y), "/") if y != 0 => Some(x.wrapping_div(y).to_string()),
                    (Ok(x), Ok(y), "%") if y != 0 => Some(x.wrapping_rem(y).to_string()),
                    (Ok(x), Ok(y), "<") => Some(i64::from(x < y).to_string()),
                    (Ok(x), Ok(y), "<=") => Some(i64::from(x <= y).to_string()),
                    (Ok(x), Ok(y), ">") => Some(i64::from(x > y).to_string()),
                    (Ok(x), Ok(y), ">=") => Some(i64::from(x >= y).to_string()),
                    (_, _, "=") => Some(i64::from(a == b).to_string()),
                    (_, _, "!=") => Some(i64::from(a != b).to_string()),
                    _ => None,
                }
            }
            _ => None,
        };
        match result {
            Some(value) => {
                self.emit(sink, &format!("{value}\n"));
                i32::from(value == "0" || value.is_empty())
            }
            None => {
                self.error("expr: syntax error");
                2
            }
        }
    }

    /// `read NAME…`: one line of input into the variables (the last takes the rest); 1 at the
    /// end of the input.
    fn read(&mut self, args: &[String], input: Option<String>) -> i32 {
        let names: Vec<&String> = args.iter().filter(|arg| !arg.starts_with('-')).collect();
        let source = match input {
            Some(text) => Some(text),
            None => self.stdin.take(),
        };
        let Some(text) = source.filter(|text| !text.is_empty()) else {
            return 1;
        };
        let (line, rest) = match text.split_once('\n') {
            Some((line, rest)) => (line.to_owned(), rest.to_owned()),
            None => (text.clone(), String::new()),
        };
        self.stdin = Some(rest);
        let mut words = line.split_whitespace();
        for (index, name) in names.iter().enumerate() {
            let value = if index + 1 == names.len() {
                words.by_ref().collect::<Vec<_>>().join(" ")
            } else {
                words.next().unwrap_or_default().to_owned()
            };
            self.vars.insert((*name).clone(), value);
        }
        if names.is_empty() {
            self.vars.insert("REPLY".to_owned(), line);
        }
        0
    }

    fn nested_shell(&mut self, args: &[String], sink: &mut Sink) -> Flow {
        match args {
            [flag, script, ..] if is_command_flag(flag) => match syntax::parse(script) {
                Ok(list) => {
                    if self.depth >= MAX_DEPTH {
                        self.error("sh: too many nested shells");
                        self.status = 2;
                        return Flow::Normal;
                    }
                    self.depth += 1;
                    let flow = self.list_to(&list, sink);
                    self.depth -= 1;
                    flow
                }
                Err(error) => {
                    self.error(&error.to_string());
                    self.status = 2;
                    Flow::Normal
                }
            },
            _ => {
                self.note(
                    "an interactive shell waits for input: treated as a long-running process",
                );
                let wait = self
                    .limits
                    .horizon
                    .as_millis()
                    .saturating_sub(self.host.now().as_millis());
                self.host.sleep(wait);
                Flow::Stop(Outcome::Running)
            }
        }
    }

    fn echo(&mut self, args: &[String], sink: &mut Sink) -> i32 {
        let mut newline = true;
        let mut escapes = false;
        let mut rest = args;
        while let Some((flag, tail)) = rest.split_first() {
            match flag.as_str() {
                "-n" => newline = false,
                "-e" => escapes = true,
                "-ne" | "-en" => {
                    newline = false;
                    escapes = true;
                }
                _ => break,
            }
            rest = tail;
        }
        let mut text = rest.join(" ");
        if escapes {
            text = text.replace("\\n", "\n").replace("\\t", "\t");
        }
        if newline {
            text.push('\n');
        }
        self.emit(sink, &text);
        0
    }

    fn printf(&mut self, args: &[String], sink: &mut Sink) -> i32 {
        let Some((format, values)) = args.split_first() else {
            return 1;
        };
        let mut values = values.iter();
        let mut out = String::new();
        let mut chars = format.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some(other) => out.push(other),
                    None => out.push('\\'),
                },
                '%' => match chars.next() {
                    Some('s' | 'd' | 'i') => out.push_str(values.next().map_or("", String::as_str)),
                    Some('%') => out.push('%'),
                    Some(other) => {
                        out.push('%');
                        out.push(other);
                    }
                    None => out.push('%'),
                },
                other => out.push(other),
            }
        }
        self.emit(sink, &out);
        0
    }

    fn sleep(&mut self, args: &[String]) -> Flow {
        let Some(millis) = args
            .iter()
            .map(|arg| duration_millis(arg))
            .try_fold(0u64, |total, millis| {
                millis.map(|millis| total.saturating_add(millis))
            })
        else {
            self.error(&format!("sleep: invalid number '{}'", args.join(" ")));
            self.status = 1;
            return Flow::Normal;
        };
        let now = self.host.now();
        let left = self
            .limits
            .horizon
            .as_millis()
            .saturating_sub(now.as_millis());
        if millis >= left {
            self.host.sleep(left);
            return Flow::Stop(Outcome::Running);
        }
        self.host.sleep(millis);
        self.status = 0;
        Flow::Normal
    }

    fn test(&mut self, args: &[String], bracket: bool) -> i32 {
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        if bracket {
            if args.last() != Some(&"]") {
                self.error("sh: missing ]");
                return 2;
            }
            args.pop();
        }
        let negate = args.first() == Some(&"!");
        if negate {
            args.remove(0);
        }
        let result = match args.as_slice() {
            [] => Some(false),
            [value] => Some(!value.is_empty()),
            ["-n", value] => Some(!value.is_empty()),
            ["-z", value] => Some(value.is_empty()),
            ["-e", path] => Some(self.host.kind(&self.absolute(path)).is_some()),
            ["-f", path] => Some(self.host.kind(&self.absolute(path)) == Some(FileKind::File)),
            ["-d", path] => Some(self.host.kind(&self.absolute(path)) == Some(FileKind::Directory)),
            ["-s", path] => Some(
                self.host
                    .read(&self.absolute(path))
                    .is_ok_and(|text| !text.is_empty()),
            ),
            ["-r" | "-w" | "-x", path] => Some(self.host.kind(&self.absolute(path)).is_some()),
            [left, "=" | "==", right] => Some(left == right),
            [left, "!=", right] => Some(left != right),
            [
                left,
                op @ ("-eq" | "-ne" | "-lt" | "-le" | "-gt" | "-ge"),
                right,
            ] => match (left.trim().parse::<i64>(), right.trim().parse::<i64>()) {
                (Ok(left), Ok(right)) => Some(match *op {
                    "-eq" => left == right,
                    "-ne" => left != right,
                    "-lt" => left < right,
                    "-le" => left <= right,
                    "-gt" => left > right,
                    _ => left >= right,
                }),
                _ => None,
            },
            _ => None,
        };
        match result {
            Some(value) => i32::from(value == negate),
            None => {
                self.error("sh: test: syntax error");
                2
            }
        }
    }

    fn touch(&mut self, args: &[String]) -> i32 {
        let mut status = 0;
        for arg in args.iter().filter(|arg| !arg.starts_with('-')) {
            let path = self.absolute(arg);
            if self.host.kind(&path).is_none()
                && let Err(error) = self.host.write(&path, "", true)
            {
                self.error(&format!("touch: {arg}: {}", error.message()));
                status = 1;
            }
        }
        status
    }

    fn rm(&mut self, args: &[String]) -> i32 {
        let force = args
            .iter()
            .any(|arg| arg.starts_with('-') && arg.contains('f'));
        let recursive = args
            .iter()
            .any(|arg| arg.starts_with('-') && (arg.contains('r') || arg.contains('R')));
        let mut status = 0;
        for arg in args.iter().filter(|arg| !arg.starts_with('-')) {
            let path = self.absolute(arg);
            match self.host.remove(&path, recursive) {
                Ok(()) => {}
                Err(FsError::NotFound) if force => {}
                Err(error) => {
                    self.error(&format!("rm: can't remove '{arg}': {}", error.message()));
                    status = 1;
                }
            }
        }
        status
    }

    fn mkdir(&mut self, args: &[String]) -> i32 {
        let parents = args.iter().any(|arg| arg == "-p");
        let mut status = 0;
        for arg in args.iter().filter(|arg| !arg.starts_with('-')) {
            let path = self.absolute(arg);
            if let Err(error) = self.host.mkdir(&path, parents) {
                self.error(&format!(
                    "mkdir: can't create directory '{arg}': {}",
                    error.message()
                ));
                status = 1;
            }
        }
        status
    }

    /// The text of the files named in `args`, or the input; errors reported with `program`.
    fn inputs(&mut self, program: &str, files: &[&String], input: Option<String>) -> (String, i32) {
        if files.is_empty() {
            return (input.unwrap_or_default(), 0);
        }
        let mut text = String::new();
        let mut status = 0;
        for file in files {
            match self.host.read(&self.absolute(file)) {
                Ok(content) => text.push_str(&content),
                Err(error) => {
                    self.error(&format!(
                        "{program}: can't open '{file}': {}",
                        error.message()
                    ));
                    status = 1;
                }
            }
        }
        (text, status)
    }

    fn cat(&mut self, args: &[String], input: Option<String>, sink: &mut Sink) -> i32 {
        let files: Vec<&String> = args.iter().filter(|arg| !arg.starts_with('-')).collect();
        if files.len() < 2 {
            let (text, status) = self.inputs("cat", &files, input);
            self.emit(sink, &text);
            return status;
        }
        // File by file, so that an error comes between the contents as a terminal shows it.
        let mut status = 0;
        for file in files {
            let (text, failed) = self.inputs("cat", &[file], None);
            self.emit(sink, &text);
            status = status.max(failed);
        }
        status
    }

    fn ls(&mut self, args: &[String], sink: &mut Sink) -> i32 {
        let paths: Vec<&String> = args.iter().filter(|arg| !arg.starts_with('-')).collect();
        let paths: Vec<String> = if paths.is_empty() {
            vec![self.cwd.clone()]
        } else {
            paths.into_iter().cloned().collect()
        };
        let mut status = 0;
        for path in paths {
            match self.host.list(&self.absolute(&path)) {
                Ok(names) => {
                    let text: String = names.iter().map(|name| format!("{name}\n")).collect();
                    self.emit(sink, &text);
                }
                Err(error) => {
                    self.error(&format!("ls: {path}: {}", error.message()));
                    status = 1;
                }
            }
        }
        status
    }

    fn wc(&mut self, args: &[String], input: Option<String>, sink: &mut Sink) -> i32 {
        let files: Vec<&String> = args.iter().filter(|arg| !arg.starts_with('-')).collect();
        let (text, status) = self.inputs("wc", &files, input);
        let lines = text.matches('\n').count();
        let words = text.split_whitespace().count();
        let bytes = text.len();
        let flags: String = args
            .iter()
            .filter(|arg| arg.starts_with('-'))
            .map(|arg| &arg[1..])
            .collect();
        let mut columns = Vec::new();
        if flags.is_empty() || flags.contains('l') {
            columns.push(lines);
        }
        if flags.is_empty() || flags.contains('w') {
            columns.push(words);
        }
        if flags.is_empty() || flags.contains('c') {
            columns.push(bytes);
        }
        let mut out: Vec<String> = columns.iter().map(|n| format!("{n:>7}")).collect();
        if let [file] = files.as_slice() {
            out.push(file.to_string());
        }
        let line = if columns.len() == 1 && files.is_empty() {
            columns[0].to_string()
        } else {
            out.join(" ")
        };
        self.emit(sink, &format!("{line}\n"));
        status
    }

    fn head_tail(
        &mut self,
        head: bool,
        args: &[String],
        input: Option<String>,
        sink: &mut Sink,
    ) -> i32 {
        let mut count = 10usize;
        let mut files = Vec::new();
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            if arg == "-n" {
                count = rest.next().and_then(|n| n.parse().ok()).unwrap_or(10);
            } else if let Some(n) = arg.strip_prefix("-n").or_else(|| arg.strip_prefix('-')) {
                count = n.parse().unwrap_or(10);
            } else {
                files.push(arg);
            }
        }
        let (text, status) = self.inputs(if head { "head" } else { "tail" }, &files, input);
        let lines: Vec<&str> = text.lines().collect();
        let chosen = if head {
            &lines[..count.min(lines.len())]
        } else {
            &lines[lines.len().saturating_sub(count)..]
        };
        let out: String = chosen.iter().map(|line| format!("{line}\n")).collect();
        self.emit(sink, &out);
        status
    }

    /// `tail -f FILE`: the last lines, then every line appended, checked once a second until the
    /// horizon.
    fn tail_follow(&mut self, args: &[String], sink: &mut Sink) -> Flow {
        let Some(file) = args.iter().rfind(|arg| !arg.starts_with('-')) else {
            self.note("tail -f of standard input waits forever");
            return self.sleep(&["infinity".to_owned()]);
        };
        let path = self.absolute(file);
        let mut seen = 0usize;
        let mut first = true;
        loop {
            flow!(self.step());
            let text = self.host.read(&path).unwrap_or_default();
            if first {
                let lines: Vec<&str> = text.lines().collect();
                let start = lines.len().saturating_sub(10);
                let out: String = lines[start..]
                    .iter()
                    .map(|line| format!("{line}\n"))
                    .collect();
                self.emit(sink, &out);
                seen = text.len();
                first = false;
            } else if text.len() > seen && text.is_char_boundary(seen) {
                let new = text[seen..].to_owned();
                self.emit(sink, &new);
                seen = text.len();
            } else if text.len() < seen {
                seen = 0;
            }
            flow!(self.sleep(&["1".to_owned()]));
        }
    }

    fn grep(&mut self, args: &[String], input: Option<String>, sink: &mut Sink) -> i32 {
        let invert = args.iter().any(|arg| arg == "-v");
        let count = args.iter().any(|arg| arg == "-c");
        let quiet = args.iter().any(|arg| arg == "-q");
        let mut operands = args.iter().filter(|arg| !arg.starts_with('-'));
        let Some(pattern) = operands.next() else {
            self.error("grep: missing pattern");
            return 2;
        };
        let files: Vec<&String> = operands.collect();
        let (text, _) = self.inputs("grep", &files, input);
        let matched: Vec<&str> = text
            .lines()
            .filter(|line| line.contains(pattern.as_str()) != invert)
            .collect();
        if count {
            self.emit(sink, &format!("{}\n", matched.len()));
        } else if !quiet {
            let out: String = matched.iter().map(|line| format!("{line}\n")).collect();
            self.emit(sink, &out);
        }
        i32::from(matched.is_empty())
    }

    /// `ps` as BusyBox prints it: PID, user, CPU time and command line of each process.
    fn ps(&mut self, sink: &mut Sink) -> i32 {
        let mut out = String::from("PID   USER     TIME  COMMAND\n");
        for (pid, user, command) in self.host.processes() {
            out.push_str(&format!("{pid:>5} {user:<8} {:>5} {command}\n", "0:00"));
        }
        self.emit(sink, &out);
        0
    }

    /// `kill [-SIGNAL | -s SIGNAL] PID…`, `pkill`/`killall [-SIGNAL] NAME`: BusyBox's, against
    /// the container's processes (the host records each signal sent).
    fn kill(&mut self, program: &str, args: &[String]) -> i32 {
        let mut signal = 15;
        let mut targets: Vec<&str> = Vec::new();
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            let named = if arg == "-s" || arg == "-n" {
                rest.next().map(String::as_str)
            } else if targets.is_empty() && arg.len() > 1 && arg.starts_with('-') {
                Some(&arg[1..])
            } else {
                targets.push(arg);
                None
            };
            if let Some(name) = named {
                match signal_number(name) {
                    Some(number) => signal = number,
                    None => {
                        self.error(&format!("sh: {program}: bad signal name '{name}'"));
                        return 1;
                    }
                }
            }
        }
        if targets.is_empty() {
            self.error(&format!(
                "{program}: usage: {program} [-SIGNAL] PID|NAME..."
            ));
            return 1;
        }
        let processes = self.host.processes();
        let mut status = 0;
        for target in targets {
            let pids: Vec<u32> = if program == "kill" {
                match target.parse::<u32>() {
                    Ok(pid) => vec![pid],
                    Err(_) => {
                        self.error(&format!("sh: kill: invalid number '{target}'"));
                        status = 1;
                        continue;
                    }
                }
            } else {
                processes
                    .iter()
                    .filter(|(_, _, line)| process_name(line) == target)
                    .map(|(pid, _, _)| *pid)
                    .collect()
            };
            if pids.is_empty() {
                if program == "killall" {
                    self.error(&format!("killall: {target}: no process killed"));
                }
                status = 1;
            }
            for pid in pids {
                if self.host.signal(pid, signal).is_err() {
                    self.error(&format!("sh: can't kill pid {pid}: No such process"));
                    status = 1;
                }
            }
        }
        status
    }

    /// `printenv [NAME…]`: each named variable's value that is set (status 1 when one is not),
    /// or every variable.
    fn printenv(&mut self, args: &[String], sink: &mut Sink) -> i32 {
        if !args.is_empty() {
            let mut status = 0;
            for name in args {
                match self.vars.get(name).cloned() {
                    Some(value) => self.emit(sink, &format!("{value}\n")),
                    None => status = 1,
                }
            }
            return status;
        }
        let out: String = self
            .vars
            .iter()
            .map(|(name, value)| format!("{name}={value}\n"))
            .collect();
        self.emit(sink, &out);
        0
    }

    fn cd(&mut self, args: &[String]) -> i32 {
        let target = args
            .first()
            .map_or("/".to_owned(), |path| self.absolute(path));
        if self.host.kind(&target) == Some(FileKind::Directory) {
            self.cwd = target;
            0
        } else {
            self.error(&format!(
                "sh: cd: can't cd to {}: No such file or directory",
                args.first().map_or("", String::as_str)
            ));
            2
        }
    }

    /// `nslookup NAME`: BusyBox's output, which succeeds only for names the scenario defines.
    fn nslookup(&mut self, args: &[String], sink: &mut Sink) -> i32 {
        let Some(name) = args.iter().find(|arg| !arg.starts_with('-')) else {
            self.error("nslookup: missing name");
            return 1;
        };
        let server = "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n";
        match self.host.resolve(name) {
            Some(address) => {
                self.emit(
                    sink,
                    &format!("{server}Name:\t{name}\nAddress: {address}\n\n"),
                );
                0
            }
            None => {
                self.emit(sink, server);
                self.error(&format!("** server can't find {name}: NXDOMAIN"));
                1
            }
        }
    }

    /// `wget` and `curl` to a URL; only local ports answer.
    fn fetch(&mut self, program: &str, args: &[String], sink: &mut Sink) -> i32 {
        // The first word that is neither a flag nor the value of one (`-O FILE`, `-o FILE`,
        // `-H HEADER`, `-T SECONDS`…).
        let takes_value = |flag: &str| {
            matches!(
                flag,
                "-O" | "-o" | "-H" | "-T" | "-U" | "-Y" | "-P" | "-X" | "-d" | "-m" | "-w" | "-e"
            ) || (flag.starts_with('-') && !flag.starts_with("--") && flag.ends_with('O'))
        };
        let url = args
            .iter()
            .enumerate()
            .find(|(index, arg)| {
                !arg.starts_with('-')
                    && arg.as_str() != "-"
                    && !index
                        .checked_sub(1)
                        .is_some_and(|before| takes_value(&args[before]))
            })
            .map(|(_, arg)| arg);
        let Some(url) = url else {
            self.error(&format!("{program}: no URL"));
            return 1;
        };
        let rest = url.strip_prefix("http://").unwrap_or(url);
        let (authority, path) = match rest.find('/') {
            Some(at) => (&rest[..at], &rest[at..]),
            None => (rest, "/"),
        };
        let (host, port) = match authority.rsplit_once(':') {
            Some((host, port)) => (host, port.parse().unwrap_or(80)),
            None => (authority, 80),
        };
        match self.host.http_get(host, port, path) {
            Ok(body) => {
                if program == "curl" {
                    let output = args
                        .windows(2)
                        .find(|pair| pair[0] == "-o")
                        .map(|pair| pair[1].clone());
                    return match output {
                        Some(file) if file != "-" => self.save(program, &file, &body),
                        _ => {
                            self.emit(sink, &body);
                            0
                        }
                    };
                }
                // wget saves to `-O FILE` (`-O -` is standard output; the flag may come after
                // others in one word, `-qO-`), or to the URL's file name.
                let output = args
                    .iter()
                    .enumerate()
                    .filter(|(_, arg)| arg.starts_with('-') && !arg.starts_with("--"))
                    .find_map(|(index, arg)| {
                        let at = arg.find('O')?;
                        let rest = &arg[at + 1..];
                        if rest.is_empty() {
                            args.get(index + 1).cloned()
                        } else {
                            Some(rest.to_owned())
                        }
                    })
                    .unwrap_or_else(|| {
                        let name = path.rsplit('/').next().unwrap_or_default();
                        if name.is_empty() {
                            "index.html".to_owned()
                        } else {
                            name.to_owned()
                        }
                    });
                if output == "-" {
                    self.emit(sink, &body);
                    0
                } else {
                    self.save(program, &output, &body)
                }
            }
            Err(reason) => {
                if program == "curl" {
                    let cause = reason.rsplit(": ").next().unwrap_or("Connection refused");
                    self.error(&format!(
                        "curl: (7) Failed to connect to {host} port {port}: {cause}"
                    ));
                    7
                } else {
                    self.error(&format!("wget: {reason}"));
                    1
                }
            }
        }
    }

    /// Writes a downloaded body to `file`.
    fn save(&mut self, program: &str, file: &str, body: &str) -> i32 {
        let path = self.absolute(file);
        match self.host.write(&path, body, false) {
            Ok(()) => 0,
            Err(error) => {
                self.error(&format!(
                    "{program}: can't open '{file}': {}",
                    error.message()
                ));
                1
            }
        }
    }
}

/// True for `-c` and flag clusters that hold it (`-ec`, `-xc`, `-euc`).
pub fn is_command_flag(flag: &str) -> bool {
    flag.strip_prefix('-').is_some_and(|letters| {
        !letters.starts_with('-')
            && letters.contains('c')
            && letters.chars().all(|c| c.is_ascii_alphabetic())
    })
}

/// `sleep`'s argument in milliseconds: `5`, `0.5`, `2m`, `1h`, `infinity`.
fn duration_millis(text: &str) -> Option<u64> {
    if text == "infinity" || text == "inf" {
        return Some(u64::MAX / 4);
    }
    let (number, unit) = match text.char_indices().last() {
        Some((at, c @ ('s' | 'm' | 'h' | 'd'))) => (&text[..at], c),
        _ => (text, 's'),
    };
    let value: f64 = number
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite() && *v >= 0.0)?;
    let seconds = match unit {
        'm' => value * 60.0,
        'h' => value * 3600.0,
        'd' => value * 86_400.0,
        _ => value,
    };
    Some((seconds * 1000.0).min(1e15) as u64)
}

/// Resolves `.` and `..` in an absolute path.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    format!("/{}", parts.join("/"))
}

/// Shell wildcard matching of `*` and `?` (no character classes).
fn wildcard(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    let (mut p, mut t) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pattern.len() && (pattern[p] == '?' || pattern[p] == text[t]) {
            p += 1;
            t += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            star = Some((p, t));
            p += 1;
        } else if let Some((star_p, star_t)) = star {
            p = star_p + 1;
            t = star_t + 1;
            star = Some((star_p, star_t + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|c| *c == '*')
}

/// Evaluates `$(( … ))`: integers, variables, `+ - * / %`, comparisons and parentheses.
fn arithmetic(expression: &str, vars: &BTreeMap<String, String>) -> Option<i64> {
    let tokens = arithmetic_tokens(expression)?;
    let mut at = 0;
    let value = arithmetic_compare(&tokens, &mut at, vars, 0)?;
    (at == tokens.len()).then_some(value)
}

#[derive(Clone, Debug, PartialEq)]
enum ArithToken {
    Number(i64),
    Name(String),
    Op(String),
}

fn arithmetic_tokens(expression: &str) -> Option<Vec<ArithToken>> {
    let chars: Vec<char> = expression.chars().collect();
    let mut tokens = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        if c.is_whitespace() {
            at += 1;
        } else if c.is_ascii_digit() {
            let len = chars[at..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let text: String = chars[at..at + len].iter().collect();
            tokens.push(ArithToken::Number(text.parse().ok()?));
            at += len;
        } else if c.is_ascii_alphabetic() || c == '_' || c == '$' {
            let start = if c == '$' { at + 1 } else { at };
            let len = chars[start..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
                .count();
            tokens.push(ArithToken::Name(chars[start..start + len].iter().collect()));
            at = start + len;
        } else {
            let two: String = chars[at..chars.len().min(at + 2)].iter().collect();
            if ["==", "!=", "<=", ">="].contains(&two.as_str()) {
                tokens.push(ArithToken::Op(two));
                at += 2;
            } else if "+-*/%()<>".contains(c) {
                tokens.push(ArithToken::Op(c.to_string()));
                at += 1;
            } else {
                return None;
            }
        }
    }
    Some(tokens)
}

const MAX_ARITHMETIC_DEPTH: usize = 32;

fn arithmetic_compare(
    tokens: &[ArithToken],
    at: &mut usize,
    vars: &BTreeMap<String, String>,
    depth: usize,
) -> Option<i64> {
    let left = arithmetic_sum(tokens, at, vars, depth)?;
    if let Some(ArithToken::Op(op)) = tokens.get(*at)
        && ["==", "!=", "<", ">", "<=", ">="].contains(&op.as_str())
    {
        let op = op.clone();
        *at += 1;
        let right = arithmetic_sum(tokens, at, vars, depth)?;
        let result = match op.as_str() {
            "==" => left == right,
            "!=" => left != right,
            "<" => left < right,
            ">" => left > right,
            "<=" => left <= right,
            _ => left >= right,
        };
        return Some(i64::from(result));
    }
    Some(left)
}

fn arithmetic_sum(
    tokens: &[ArithToken],
    at: &mut usize,
    vars: &BTreeMap<String, String>,
    depth: usize,
) -> Option<i64> {
    let mut value = arithmetic_product(tokens, at, vars, depth)?;
    while let Some(ArithToken::Op(op)) = tokens.get(*at) {
        let plus = match op.as_str() {
            "+" => true,
            "-" => false,
            _ => break,
        };
        *at += 1;
        let right = arithmetic_product(tokens, at, vars, depth)?;
        value = if plus {
            value.wrapping_add(right)
        } else {
            value.wrapping_sub(right)
        };
    }
    Some(value)
}

fn arithmetic_product(
    tokens: &[ArithToken],
    at: &mut usize,
    vars: &BTreeMap<String, String>,
    depth: usize,
) -> Option<i64> {
    let mut value = arithmetic_atom(tokens, at, vars, depth)?;
    while let Some(ArithToken::Op(op)) = tokens.get(*at) {
        let op = op.clone();
        if !["*", "/", "%"].contains(&op.as_str()) {
            break;
        }
        *at += 1;
        let right = arithmetic_atom(tokens, at, vars, depth)?;
        value = match op.as_str() {
            "*" => value.wrapping_mul(right),
            "/" => value.checked_div(right)?,
            _ => value.checked_rem(right)?,
        };
    }
    Some(value)
}

fn arithmetic_atom(
    tokens: &[ArithToken],
    at: &mut usize,
    vars: &BTreeMap<String, String>,
    depth: usize,
) -> Option<i64> {
    if depth > MAX_ARITHMETIC_DEPTH {
        return None;
    }
    let token = tokens.get(*at)?.clone();
    *at += 1;
    match token {
        ArithToken::Number(value) => Some(value),
        ArithToken::Name(name) => Some(
            vars.get(&name)
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0),
        ),
        ArithToken::Op(op) if op == "-" => {
            arithmetic_atom(tokens, at, vars, depth + 1).map(i64::wrapping_neg)
        }
        ArithToken::Op(op) if op == "(" => {
            let value = arithmetic_compare(tokens, at, vars, depth + 1)?;
            match tokens.get(*at) {
                Some(ArithToken::Op(close)) if close == ")" => {
                    *at += 1;
                    Some(value)
                }
                _ => None,
            }
        }
        ArithToken::Op(_) => None,
    }
}
