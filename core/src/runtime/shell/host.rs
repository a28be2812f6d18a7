//! What a script runs against: the container's clock, filesystem, output and network, behind the
//! [`Host`] trait, and [`MemoryHost`], a self-contained implementation.

use std::collections::BTreeMap;

use crate::base::time::VirtualTime;

/// Why a filesystem operation failed, in the words BusyBox uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FsError {
    /// `No such file or directory`.
    NotFound,
    /// `Is a directory`.
    IsDirectory,
    /// `Not a directory`.
    NotDirectory,
    /// `Read-only file system`.
    ReadOnly,
    /// `File exists`.
    Exists,
    /// `No space left on device` (the playground's size bound).
    NoSpace,
}

impl FsError {
    /// The error text.
    pub fn message(self) -> &'static str {
        match self {
            FsError::NotFound => "No such file or directory",
            FsError::IsDirectory => "Is a directory",
            FsError::NotDirectory => "Not a directory",
            FsError::ReadOnly => "Read-only file system",
            FsError::Exists => "File exists",
            FsError::NoSpace => "No space left on device",
        }
    }
}

/// What a path names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A regular file.
    File,
    /// A directory.
    Directory,
}

/// The world a script runs in. The simulator implements it over the Pod's volumes and the
/// scenario; [`MemoryHost`] is a self-contained one.
pub trait Host {
    /// The current instant.
    fn now(&self) -> VirtualTime;
    /// Lets `millis` pass.
    fn sleep(&mut self, millis: u64);
    /// A line on standard output (without its newline).
    fn stdout(&mut self, line: &str);
    /// A line on standard error.
    fn stderr(&mut self, line: &str);
    /// What `path` names, if anything.
    fn kind(&self, path: &str) -> Option<FileKind>;
    /// A file's content.
    fn read(&self, path: &str) -> Result<String, FsError>;
    /// Writes (or, with `append`, appends to) a file.
    fn write(&mut self, path: &str, content: &str, append: bool) -> Result<(), FsError>;
    /// Removes a file (or, with `recursive`, a directory).
    fn remove(&mut self, path: &str, recursive: bool) -> Result<(), FsError>;
    /// Makes a directory (and, with `parents`, its parents).
    fn mkdir(&mut self, path: &str, parents: bool) -> Result<(), FsError>;
    /// The names in a directory, sorted.
    fn list(&self, path: &str) -> Result<Vec<String>, FsError>;
    /// The container's hostname (the Pod's name).
    fn hostname(&self) -> String;
    /// The address a DNS name resolves to, if it does (`nslookup`).
    fn resolve(&self, name: &str) -> Option<String>;
    /// The body an HTTP GET returns, or why it failed (`wget`, `curl`).
    fn http_get(&mut self, host: &str, port: u16, path: &str) -> Result<String, String>;
    /// The wall-clock time of `now()` as `date` prints it.
    fn date(&self) -> String;
    /// The processes `ps` lists: PID, user and command line, by PID.
    fn processes(&self) -> Vec<(u32, String, String)> {
        Vec::new()
    }
    /// Sends `signal` to the process `pid`; an error when there is no such process.
    fn signal(&mut self, pid: u32, signal: i32) -> Result<(), FsError> {
        let _ = (pid, signal);
        Err(FsError::NotFound)
    }
}

/// A change to a file in a volume that other containers share.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedWrite {
    /// When.
    pub at: VirtualTime,
    /// The path, as the writing (or, once translated, the reading) container sees it.
    pub path: String,
    /// What happened to it.
    pub op: FileOp,
}

/// A change to a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileOp {
    /// Written, or with `append`, appended to.
    Write {
        /// The text written.
        content: String,
        /// True for `>>`.
        append: bool,
    },
    /// Removed (a directory with everything in it).
    Remove,
}

/// The most shared-volume changes one script records.
const MAX_OUTGOING: usize = 20_000;

/// The most bytes a [`MemoryHost`] filesystem holds.
const MAX_FS_BYTES: usize = 4 * 1024 * 1024;

/// A self-contained host: an in-memory filesystem, recorded output with timestamps, a virtual
/// clock and a fixed set of resolvable names.
#[derive(Clone, Debug, Default)]
pub struct MemoryHost {
    /// The current instant.
    pub now: VirtualTime,
    /// Files by absolute path.
    pub files: BTreeMap<String, String>,
    /// Directories by absolute path.
    pub directories: std::collections::BTreeSet<String>,
    /// Directories mounted read-only.
    pub read_only: Vec<String>,
    /// Every output line: (instant, true for standard error, text).
    pub output: Vec<(VirtualTime, bool, String)>,
    /// The hostname.
    pub name: String,
    /// Names that resolve, with their addresses.
    pub dns: BTreeMap<String, String>,
    /// Later changes to `dns`, in time order: (from when, name, address or `None` when gone).
    pub dns_changes: Vec<(VirtualTime, String, Option<String>)>,
    /// Local ports that answer HTTP, with their response body.
    pub listening: BTreeMap<u16, String>,
    /// When true, hosts other than localhost answer HTTP with a placeholder page (the playground
    /// has no internet; this stands in for it).
    pub internet: bool,
    /// Directories whose changes other containers see: the mount paths of shared volumes.
    pub shared_dirs: Vec<String>,
    /// The changes this host's scripts made under `shared_dirs`, in time order.
    pub outgoing: Vec<SharedWrite>,
    /// Changes others made, in time order, applied when the clock reaches them.
    pub incoming: Vec<SharedWrite>,
    /// How many of `incoming` are applied.
    received: usize,
    /// The wall-clock time of instant 0, for `date`.
    pub wall_start: crate::base::timestamp::Timestamp,
    /// The processes `ps` lists (PID, user, command line); empty when they are not known.
    pub processes: Vec<(u32, String, String)>,
    /// The signals sent to them, in order: (PID, signal number).
    pub signals: Vec<(u32, i32)>,
    /// The cluster's other Pods by IP, with the page each port answers with (an exec reaches
    /// them; an address here refuses a port nobody serves).
    pub peers: BTreeMap<String, BTreeMap<u16, String>>,
}

impl MemoryHost {
    /// A host with the usual directories (`/`, `/tmp`, `/etc`, `/var/log`…).
    pub fn new(name: &str) -> MemoryHost {
        let mut host = MemoryHost {
            name: name.to_owned(),
            ..MemoryHost::default()
        };
        for dir in [
            "/",
            "/tmp",
            "/etc",
            "/var",
            "/var/log",
            "/usr",
            "/usr/share",
            "/data",
            "/root",
            "/home",
        ] {
            host.directories.insert(dir.to_owned());
        }
        host
    }

    /// The standard output lines, without timestamps.
    pub fn stdout_lines(&self) -> Vec<&str> {
        self.output
            .iter()
            .filter(|(_, error, _)| !error)
            .map(|(_, _, line)| line.as_str())
            .collect()
    }

    /// Applies the changes others made up to now.
    pub fn receive(&mut self) {
        while let Some(change) = self.incoming.get(self.received) {
            if change.at > self.now {
                break;
            }
            let change = change.clone();
            self.received += 1;
            match change.op {
                FileOp::Write { content, append } => {
                    let mut dir = Self::parent(&change.path).to_owned();
                    while !self.directories.contains(&dir) {
                        self.directories.insert(dir.clone());
                        dir = Self::parent(&dir).to_owned();
                    }
                    if self.used_bytes() + content.len() > MAX_FS_BYTES {
                        continue;
                    }
                    let file = self.files.entry(change.path).or_default();
                    if !append {
                        file.clear();
                    }
                    file.push_str(&content);
                }
                FileOp::Remove => {
                    let prefix = format!("{}/", change.path);
                    self.files
                        .retain(|file, _| *file != change.path && !file.starts_with(&prefix));
                    self.directories
                        .retain(|dir| *dir != change.path && !dir.starts_with(&prefix));
                }
            }
        }
    }

    /// Records a change under a shared directory for the other containers.
    fn share(&mut self, path: &str, op: FileOp) {
        let shared = self
            .shared_dirs
            .iter()
            .any(|dir| path == dir || path.starts_with(&format!("{dir}/")));
        if shared && self.outgoing.len() < MAX_OUTGOING {
            self.outgoing.push(SharedWrite {
                at: self.now,
                path: path.to_owned(),
                op,
            });
        }
    }

    fn is_read_only(&self, path: &str) -> bool {
        self.read_only
            .iter()
            .any(|dir| path == dir || path.starts_with(&format!("{dir}/")))
    }

    fn parent(path: &str) -> &str {
        match path.rfind('/') {
            Some(0) => "/",
            Some(at) => &path[..at],
            None => "/",
        }
    }

    fn used_bytes(&self) -> usize {
        self.files.values().map(String::len).sum()
    }
}

impl Host for MemoryHost {
    fn now(&self) -> VirtualTime {
        self.now
    }

    fn sleep(&mut self, millis: u64) {
        self.now = self.now.plus_millis(millis);
        self.receive();
    }

    fn stdout(&mut self, line: &str) {
        self.output.push((self.now, false, line.to_owned()));
    }

    fn stderr(&mut self, line: &str) {
        self.output.push((self.now, true, line.to_owned()));
    }

    fn kind(&self, path: &str) -> Option<FileKind> {
        if path == "/dev/null" {
            return Some(FileKind::File);
        }
        if self.directories.contains(path) {
            Some(FileKind::Directory)
        } else if self.files.contains_key(path) {
            Some(FileKind::File)
        } else {
            None
        }
    }

    fn read(&self, path: &str) -> Result<String, FsError> {
        if path == "/dev/null" {
            return Ok(String::new());
        }
        match self.kind(path) {
            Some(FileKind::File) => Ok(self.files.get(path).cloned().unwrap_or_default()),
            Some(FileKind::Directory) => Err(FsError::IsDirectory),
            None => Err(FsError::NotFound),
        }
    }

    fn write(&mut self, path: &str, content: &str, append: bool) -> Result<(), FsError> {
        if path == "/dev/null" {
            return Ok(());
        }
        if self.directories.contains(path) {
            return Err(FsError::IsDirectory);
        }
        if !self.directories.contains(Self::parent(path)) {
            return Err(FsError::NotFound);
        }
        if self.is_read_only(path) {
            return Err(FsError::ReadOnly);
        }
        if self.used_bytes() + content.len() > MAX_FS_BYTES {
            return Err(FsError::NoSpace);
        }
        let file = self.files.entry(path.to_owned()).or_default();
        if !append {
            file.clear();
        }
        file.push_str(content);
        self.share(
            path,
            FileOp::Write {
                content: content.to_owned(),
                append,
            },
        );
        Ok(())
    }

    fn remove(&mut self, path: &str, recursive: bool) -> Result<(), FsError> {
        if self.is_read_only(path) {
            return Err(FsError::ReadOnly);
        }
        if self.files.remove(path).is_some() {
            self.share(path, FileOp::Remove);
            return Ok(());
        }
        if self.directories.contains(path) {
            if !recursive {
                return Err(FsError::IsDirectory);
            }
            let prefix = format!("{path}/");
            self.files.retain(|file, _| !file.starts_with(&prefix));
            self.directories
                .retain(|dir| dir != path && !dir.starts_with(&prefix));
            self.share(path, FileOp::Remove);
            return Ok(());
        }
        Err(FsError::NotFound)
    }

    fn mkdir(&mut self, path: &str, parents: bool) -> Result<(), FsError> {
        if self.files.contains_key(path) {
            return Err(FsError::Exists);
        }
        if self.directories.contains(path) {
            return if parents {
                Ok(())
            } else {
                Err(FsError::Exists)
            };
        }
        if self.is_read_only(path) {
            return Err(FsError::ReadOnly);
        }
        let parent = Self::parent(path).to_owned();
        if !self.directories.contains(&parent) {
            if !parents {
                return Err(FsError::NotFound);
            }
            self.mkdir(&parent, true)?;
        }
        self.directories.insert(path.to_owned());
        Ok(())
    }

    fn list(&self, path: &str) -> Result<Vec<String>, FsError> {
        match self.kind(path) {
            Some(FileKind::Directory) => {}
            Some(FileKind::File) => {
                return Ok(vec![path.rsplit('/').next().unwrap_or(path).to_owned()]);
            }
            None => return Err(FsError::NotFound),
        }
        let prefix = if path == "/" {
            "/".to_owned()
        } else {
            format!("{path}/")
        };
        let direct = |entry: &String| {
            entry
                .strip_prefix(&prefix)
                .filter(|rest| !rest.is_empty() && !rest.contains('/'))
                .map(str::to_owned)
        };
        let mut names: Vec<String> = self
            .files
            .keys()
            .chain(self.directories.iter())
            .filter_map(direct)
            .collect();
        names.sort();
        names.dedup();
        Ok(names)
    }

    fn hostname(&self) -> String {
        self.name.clone()
    }

    fn resolve(&self, name: &str) -> Option<String> {
        let changed = self
            .dns_changes
            .iter()
            .rev()
            .find(|(at, changed, _)| *at <= self.now && changed == name);
        match changed {
            Some((_, _, address)) => address.clone(),
            None => self.dns.get(name).cloned(),
        }
    }

    fn http_get(&mut self, host: &str, port: u16, _path: &str) -> Result<String, String> {
        let address = self.resolve(host).unwrap_or_else(|| host.to_owned());
        if let Some(served) = self.peers.get(&address) {
            return served.get(&port).cloned().ok_or_else(|| {
                format!("can't connect to remote host ({address}): Connection refused")
            });
        }
        // The cluster's own addresses that nothing known serves: a Service's ClusterIP refuses
        // (kube-proxy rejects a Service without endpoints), a Pod IP no Pod has is no route.
        if address.starts_with("10.96.") {
            return Err(format!(
                "can't connect to remote host ({address}): Connection refused"
            ));
        }
        if address.starts_with("10.244.") {
            return Err(format!(
                "can't connect to remote host ({address}): No route to host"
            ));
        }
        if !matches!(host, "localhost" | "127.0.0.1") {
            return if self.internet {
                Ok(format!(
                    "<html><head><title>{host}</title></head><body>A page from {host}, as the playground imagines it.</body></html>\n"
                ))
            } else {
                Err(format!("bad address '{host}'"))
            };
        }
        self.listening.get(&port).cloned().ok_or_else(|| {
            "can't connect to remote host (127.0.0.1): Connection refused".to_owned()
        })
    }

    fn processes(&self) -> Vec<(u32, String, String)> {
        self.processes.clone()
    }

    fn signal(&mut self, pid: u32, signal: i32) -> Result<(), FsError> {
        if !self.processes.iter().any(|(known, _, _)| *known == pid) {
            return Err(FsError::NotFound);
        }
        if self.signals.len() < MAX_OUTGOING {
            self.signals.push((pid, signal));
        }
        Ok(())
    }

    fn date(&self) -> String {
        self.wall_start
            .plus_millis(i64::try_from(self.now.as_millis()).unwrap_or(i64::MAX))
            .unix_date()
    }
}
