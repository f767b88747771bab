//! The pair scorer's input: one text per candidate that holds the reply, the customer's message and the most
//! recent context, so the encoder reads each reply together with what was said before it.
//!
//! The model's pair head (`pair_head.json` in the model folder) turns the encoder's embedding of this text into a
//! log-odds correction added to the rules' score; `examples/fit_rank_weights.rs --pair-model` fits it.

use crate::judge::{Role, Turn};

/// Characters kept from the reply and from the customer's message (their start: the part a trainer reads first).
const REPLY_CHARS: usize = 120;
const CUSTOMER_CHARS: usize = 120;
/// Characters of earlier turns kept in all, newest turn first: older turns are dropped before newer ones, so the
/// cost per candidate stays bounded however long the conversation is.
const CONTEXT_CHARS: usize = 200;

fn head(text: &str, chars: usize) -> &str {
    match text.char_indices().nth(chars) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// The text the encoder reads for one candidate: the reply first (so truncation by the tokenizer never drops it),
/// then the customer's message, then earlier turns from the newest back, each marked with its speaker.
pub fn pair_text(customer: &str, context: &[Turn], reply: &str) -> String {
    let mut out = format!("reply: {} | customer: {}", head(reply.trim(), REPLY_CHARS), head(customer.trim(), CUSTOMER_CHARS));
    let mut budget = CONTEXT_CHARS;
    for turn in context.iter().rev() {
        if budget == 0 {
            break;
        }
        let text = head(turn.text.trim(), budget);
        if text.is_empty() {
            continue;
        }
        budget -= text.chars().count();
        let speaker = match turn.role {
            Role::Agent => "agent",
            Role::Customer => "customer",
        };
        out.push_str(&format!(" | {speaker}: {text}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turn(role: Role, text: &str) -> Turn {
        Turn { role, text: text.to_string() }
    }

    #[test]
    fn holds_reply_message_and_newest_context_first() {
        let context = [turn(Role::Customer, "第一句"), turn(Role::Agent, "第二句")];
        let text = pair_text("第三句", &context, "回复");
        assert_eq!(text, "reply: 回复 | customer: 第三句 | agent: 第二句 | customer: 第一句");
    }

    #[test]
    fn long_conversations_keep_the_newest_turns_within_budget() {
        let old = "旧".repeat(150);
        let new = "新".repeat(150);
        let context = [turn(Role::Customer, &old), turn(Role::Customer, &new)];
        let reply = "答".repeat(500);
        let text = pair_text("问", &context, &reply);
        assert_eq!(text.matches('答').count(), REPLY_CHARS);
        assert_eq!(text.matches('新').count(), 150);
        assert_eq!(text.matches('旧').count(), CONTEXT_CHARS - 150);
        let later = pair_text("问", &[turn(Role::Customer, &old), turn(Role::Customer, &new), turn(Role::Agent, &new)], "答");
        assert!(!later.contains('旧'), "the oldest turn goes first when the budget is spent");
    }
}
