//! Probes: liveness, readiness and startup checks.

use crate::api::v1::{ExecAction, HttpGetAction, TcpSocketAction};
use crate::object;

object! {
    /// A liveness, readiness or startup probe.
    pub struct Probe = "Probe" {
        /// `exec`.
        exec @ "exec": Option<ExecAction>,
        /// `httpGet`.
        http_get @ "httpGet": Option<HttpGetAction>,
        /// `tcpSocket`.
        tcp_socket @ "tcpSocket": Option<TcpSocketAction>,
        /// `grpc`.
        grpc @ "grpc": Option<GrpcAction>,
        /// `initialDelaySeconds`.
        initial_delay_seconds @ "initialDelaySeconds": Option<i32>,
        /// `timeoutSeconds`, defaulted to 1.
        timeout_seconds @ "timeoutSeconds": Option<i32>,
        /// `periodSeconds`, defaulted to 10.
        period_seconds @ "periodSeconds": Option<i32>,
        /// `successThreshold`, defaulted to 1.
        success_threshold @ "successThreshold": Option<i32>,
        /// `failureThreshold`, defaulted to 3.
        failure_threshold @ "failureThreshold": Option<i32>,
        /// `terminationGracePeriodSeconds`.
        termination_grace_period_seconds @ "terminationGracePeriodSeconds": Option<i64>,
    }
}

object! {
    /// A gRPC health check.
    pub struct GrpcAction = "GRPCAction" {
        /// `port`.
        port @ "port": i32,
        /// `service`.
        service @ "service": Option<String>,
    }
}
