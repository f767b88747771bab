//! Failures inside the server: the one place where a caught panic or a lost task becomes what a caller sees.
//!
//! A caller can act on INVALID_ARGUMENT (fix the request), RESOURCE_EXHAUSTED (back off), DEADLINE_EXCEEDED
//! (allow more time); a failure of the server itself is INTERNAL, with a fixed message, because its details (a panic
//! message, a task name) mean nothing to a caller and may describe internals. The details go to the log instead.

use std::any::Any;

/// What a caller is told when the server failed while serving the call.
pub const INTERNAL_MESSAGE: &str = "internal error while serving the call; the server log has the details";

/// The status for a failure of the server itself. `detail` (what actually happened) is logged, never sent.
pub fn internal_status(detail: &str) -> tonic::Status {
    tracing::error!(%detail, "internal error; answered INTERNAL");
    tonic::Status::internal(INTERNAL_MESSAGE)
}

/// What a panic said: panics carry a `&str` or a `String`; anything else is unnamed.
pub fn panic_message(panic: &(dyn Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into())
}

/// A panic caught while serving: counted in `gongqing_handler_panics_total`; returns its message for the log.
pub fn caught_panic(panic: &(dyn Any + Send)) -> String {
    crate::metrics::observe_panic();
    panic_message(panic)
}

/// A blocking task that did not finish, as a sentence for the log: `task` panicked (counted like any caught
/// panic) or was cancelled (the runtime is shutting down).
pub fn task_failure(task: &str, error: tokio::task::JoinError) -> String {
    if error.is_panic() {
        format!("{task} panicked: {}", caught_panic(&*error.into_panic()))
    } else {
        format!("{task} was cancelled before it finished")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panic_messages_are_read_from_str_and_string_payloads() {
        assert_eq!(panic_message(&"boom"), "boom");
        assert_eq!(panic_message(&String::from("bang")), "bang");
        assert_eq!(panic_message(&42_u32), "a panic without a message");
    }

    #[tokio::test]
    async fn a_panicking_task_is_internal_and_its_message_stays_in_the_log() {
        let joined = tokio::task::spawn_blocking(|| -> u32 { panic!("tokenizer exploded") }).await;
        let detail = task_failure("tokenization", joined.unwrap_err());
        assert_eq!(detail, "tokenization panicked: tokenizer exploded");
        let status = internal_status(&detail);
        assert_eq!(status.code(), tonic::Code::Internal);
        assert_eq!(status.message(), INTERNAL_MESSAGE);
        assert!(!status.message().contains("tokeniz"), "{}", status.message());
    }
}
