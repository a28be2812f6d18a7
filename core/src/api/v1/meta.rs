//! Object metadata and the small shared types: `ObjectMeta`, owner references, `IntOrString`.

use std::collections::BTreeMap;
use std::fmt;

use crate::api::decode::{Decode, Decoder, Raw, Shape};
use crate::api::yaml::{Node, Resolved, Value};
use crate::object;

object! {
    /// `metadata`: the object's name, labels and bookkeeping.
    pub struct ObjectMeta = "ObjectMeta" {
        /// `name`.
        name @ "name": Option<String>,
        /// `generateName`: a prefix the server completes with random characters.
        generate_name @ "generateName": Option<String>,
        /// `namespace`.
        namespace @ "namespace": Option<String>,
        /// `selfLink` (deprecated).
        self_link @ "selfLink": Option<String>,
        /// `uid`, set by the server.
        uid @ "uid": Option<String>,
        /// `resourceVersion`, set by the server.
        resource_version @ "resourceVersion": Option<String>,
        /// `generation`, set by the server.
        generation @ "generation": Option<i64>,
        /// `creationTimestamp`, set by the server.
        creation_timestamp @ "creationTimestamp": Option<String>,
        /// `deletionTimestamp`: set once deletion was requested.
        deletion_timestamp @ "deletionTimestamp": Option<String>,
        /// `deletionGracePeriodSeconds`.
        deletion_grace_period_seconds @ "deletionGracePeriodSeconds": Option<i64>,
        /// `labels`.
        labels @ "labels": BTreeMap<String, String>,
        /// `annotations`.
        annotations @ "annotations": BTreeMap<String, String>,
        /// `ownerReferences`: the controllers and owners of this object.
        owner_references @ "ownerReferences": Vec<OwnerReference>,
        /// `finalizers`.
        finalizers @ "finalizers": Vec<String>,
        /// `managedFields`, kept as written.
        managed_fields @ "managedFields": Raw,
    }
}

object! {
    /// An entry of `metadata.ownerReferences`.
    pub struct OwnerReference = "OwnerReference" {
        /// `apiVersion` of the owner.
        api_version @ "apiVersion": String,
        /// `kind` of the owner, such as `ReplicaSet`.
        kind @ "kind": String,
        /// `name` of the owner.
        name @ "name": String,
        /// `uid` of the owner.
        uid @ "uid": String,
        /// `controller`: true when the owner manages this object.
        controller @ "controller": Option<bool>,
        /// `blockOwnerDeletion`.
        block_owner_deletion @ "blockOwnerDeletion": Option<bool>,
    }
}

object! {
    /// A reference to an object in the same namespace, by name.
    pub struct LocalObjectReference = "LocalObjectReference" {
        /// `name`.
        name @ "name": String,
    }
}

/// A value that is either an integer or a string, such as a probe's `port` (`8080` or `http`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntOrString {
    /// A number.
    Int(i32),
    /// A string, such as a port name or a percentage.
    String(String),
}

impl Default for IntOrString {
    fn default() -> IntOrString {
        IntOrString::Int(0)
    }
}

impl fmt::Display for IntOrString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntOrString::Int(value) => write!(f, "{value}"),
            IntOrString::String(value) => write!(f, "{value}"),
        }
    }
}

impl Decode for IntOrString {
    fn go_type() -> String {
        "intstr.IntOrString".to_owned()
    }

    fn shape() -> Shape {
        Shape::Scalar
    }

    fn decode(node: &Node, cx: &mut Decoder<'_>) -> IntOrString {
        match &node.value {
            Value::Scalar(scalar) => match scalar.resolve() {
                Resolved::Str => IntOrString::String(scalar.text.clone()),
                Resolved::Int(_) | Resolved::Float(_) => IntOrString::Int(i32::decode(node, cx)),
                Resolved::Null => IntOrString::default(),
                _ => {
                    cx.wrong_type(node, Self::go_type());
                    IntOrString::default()
                }
            },
            _ if node.is_null() => IntOrString::default(),
            _ => {
                cx.wrong_type(node, Self::go_type());
                IntOrString::default()
            }
        }
    }
}
