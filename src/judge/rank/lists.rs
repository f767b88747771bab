//! The cue lists of `models/ranking/` (compiled in) and the matcher that finds them in a text.
//! Every Chinese word the ranker reacts to lives in one of these files, never in code.

use super::text::{normalise, Text};
use crate::wordlist::{self, Columns, WordListError};

/// Every ranking list is `entry`, optionally `<TAB>weight`.
pub(crate) const LIST_COLUMNS: Columns = Columns::Weighted;

/// One list: entries with weights, longest first.
#[derive(Debug, Clone, Default)]
pub(crate) struct CueList {
    entries: Vec<(String, f32)>,
    /// Words that end in an entry without being one ("特别" ends in the negator "别"): where one of them ends, no
    /// entry does (see [`CueList::ends_at`]).
    shadows: Vec<String>,
}

/// One match of a list entry in a text.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    /// Char offset of the match.
    pub(crate) at: usize,
    pub(crate) len: usize,
    pub(crate) term_index: usize,
    pub(crate) weight: f32,
}

impl Hit {
    pub(crate) fn end(&self) -> usize {
        self.at + self.len
    }
}

impl CueList {
    /// Parses a list with the one word-list loader: weights default to 1.0, entries are normalised like the texts
    /// they are matched in, and sorted longest first.
    pub(crate) fn parse(list: &str, text: &str) -> Result<CueList, WordListError> {
        let mut entries: Vec<(String, f32)> = wordlist::parse(list, text, LIST_COLUMNS)?
            .into_iter()
            .map(|e| (normalise(e.entry), e.weight.unwrap_or(1.0)))
            .collect();
        // Longest first, so overlapping shorter entries at the same place are skipped.
        entries.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then(a.0.cmp(&b.0)));
        Ok(CueList { entries, shadows: Vec::new() })
    }

    /// The same list, where the words of `shadows` end in an entry without being one.
    fn shadowed_by(self, shadows: &CueList) -> CueList {
        CueList { shadows: shadows.entries.iter().map(|(term, _)| term.clone()).collect(), ..self }
    }

    /// A list compiled into the binary; the test that loads every list under `models/` keeps these valid.
    fn compiled_in(list: &str, text: &str) -> CueList {
        CueList::parse(list, text).unwrap_or_else(|e| panic!("compiled-in ranking list: {e}"))
    }

    /// Non-overlapping matches (longest entry wins), skipping those right after a negator when `negators` is given.
    pub(crate) fn find_with(&self, text: &Text, negators: Option<&CueList>) -> Vec<Hit> {
        self.find_in(&text.chars, negators)
    }

    pub(crate) fn find_in(&self, chars: &[char], negators: Option<&CueList>) -> Vec<Hit> {
        let mut taken = vec![false; chars.len()];
        let mut hits = Vec::new();
        for (ti, (term, weight)) in self.entries.iter().enumerate() {
            let pat: Vec<char> = term.chars().collect();
            if pat.is_empty() || pat.len() > chars.len() {
                continue;
            }
            let mut i = 0;
            while i + pat.len() <= chars.len() {
                if chars[i..i + pat.len()] == pat[..] {
                    let free = !taken[i..i + pat.len()].iter().any(|t| *t);
                    let negated = negators.is_some_and(|n| n.ends_at(chars, i));
                    if free && !negated {
                        for t in &mut taken[i..i + pat.len()] {
                            *t = true;
                        }
                        hits.push(Hit { at: i, len: pat.len(), term_index: ti, weight: *weight });
                    }
                    i += pat.len();
                } else {
                    i += 1;
                }
            }
        }
        hits.sort_by_key(|h| (h.at, h.term_index));
        hits
    }

    /// Whether some entry ends exactly at char offset `at`. A negating entry inside an A-not-A question
    /// ("能不能", "有没有", "会不会") does not count: the customer asks, they do not refuse or deny.
    pub(crate) fn ends_at(&self, chars: &[char], at: usize) -> bool {
        let ends_here = |term: &String| {
            let n = term.chars().count();
            n <= at && chars[at - n..at].iter().copied().eq(term.chars())
        };
        !self.shadows.iter().any(ends_here)
            && self.entries.iter().any(|(term, _)| ends_here(term) && !a_not_a(chars, at - term.chars().count()))
    }

    /// Whether some entry starts exactly at char offset `at`; returns its length.
    pub(crate) fn starts_at(&self, chars: &[char], at: usize) -> Option<(usize, f32)> {
        self.entries.iter().find_map(|(term, w)| {
            let n = term.chars().count();
            (at + n <= chars.len() && chars[at..at + n].iter().copied().eq(term.chars())).then_some((n, *w))
        })
    }

    /// Whether an entry starts within `reach` characters from `from`, in the clause of the character before `from`
    /// ("就别" + "再重复", "到店" + "还等了").
    pub(crate) fn starts_soon_after(&self, chars: &[char], from: usize, reach: usize) -> bool {
        let (_, clause_end) = super::text::clause_bounds(chars, from.saturating_sub(1));
        (from..(from + reach).min(clause_end)).any(|at| self.starts_at(chars, at).is_some())
    }

    /// Whether any entry occurs in `chars`.
    pub(crate) fn any_in(&self, chars: &[char]) -> bool {
        self.entries.iter().any(|(term, _)| {
            let pat: Vec<char> = term.chars().collect();
            super::text::holds_run(chars, &pat)
        })
    }

    pub(crate) fn contains_str(&self, s: &str) -> bool {
        let chars: Vec<char> = s.chars().collect();
        self.any_in(&chars)
    }

    pub(crate) fn is_entry(&self, s: &str) -> bool {
        self.entries.iter().any(|(t, _)| t == s)
    }

    pub(crate) fn term(&self, hit: &Hit) -> &str {
        self.entries.get(hit.term_index).map(|e| e.0.as_str()).unwrap_or("")
    }

    /// Single-character entries as chars (lists of function characters).
    pub(crate) fn chars(&self) -> Vec<char> {
        self.entries.iter().filter_map(|(t, _)| {
            let mut it = t.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Some(c),
                _ => None,
            }
        })
        .collect()
    }
}

/// A family of lists, one per kind (kinds of information, of remedies, of steps …), named by file.
#[derive(Debug, Clone)]
pub(crate) struct KindLists {
    pub(crate) kinds: Vec<(&'static str, CueList)>,
}

impl KindLists {
    fn new(files: &[(&'static str, &'static str, &'static str)]) -> KindLists {
        KindLists { kinds: files.iter().map(|(kind, path, text)| (*kind, CueList::compiled_in(path, text))).collect() }
    }

    /// All matches of all kinds: (kind index, hit), in text order, without overlaps between kinds.
    pub(crate) fn find(&self, chars: &[char], negators: Option<&CueList>) -> Vec<(usize, Hit)> {
        let mut all: Vec<(usize, Hit)> = Vec::new();
        for (k, (_, list)) in self.kinds.iter().enumerate() {
            for h in list.find_in(chars, negators) {
                all.push((k, h));
            }
        }
        // Longer matches win where kinds overlap ("快递单号" over "单号").
        all.sort_by(|a, b| b.1.len.cmp(&a.1.len).then(a.1.at.cmp(&b.1.at)));
        let mut taken = vec![false; chars.len()];
        let mut out = Vec::new();
        for (k, h) in all {
            if taken[h.at..h.end()].iter().any(|t| *t) {
                continue;
            }
            for t in &mut taken[h.at..h.end()] {
                *t = true;
            }
            out.push((k, h));
        }
        out.sort_by_key(|(_, h)| h.at);
        out
    }

    pub(crate) fn name(&self, kind: usize) -> &'static str {
        self.kinds.get(kind).map(|k| k.0).unwrap_or("")
    }

    pub(crate) fn term(&self, kind: usize, hit: &Hit) -> &str {
        self.kinds.get(kind).map(|k| k.1.term(hit)).unwrap_or("")
    }
}

macro_rules! list {
    ($name:literal) => {
        CueList::compiled_in(
            concat!("ranking/", $name, ".txt"),
            include_str!(concat!("../../../models/ranking/", $name, ".txt")),
        )
    };
}

macro_rules! kinds {
    ($dir:literal: $($name:literal),* $(,)?) => {
        KindLists::new(&[$((
            $name,
            concat!("ranking/", $dir, "/", $name, ".txt"),
            include_str!(concat!("../../../models/ranking/", $dir, "/", $name, ".txt")),
        )),*])
    };
}

/// Every list the ranker reads.
pub(crate) struct Cues {
    // Reply empathy components.
    pub(crate) feelings: CueList,
    pub(crate) empathy_frames: CueList,
    pub(crate) generic_empathy: CueList,
    pub(crate) ownership: CueList,
    pub(crate) ownership_not_after: CueList,
    pub(crate) admission_heads: CueList,
    pub(crate) admission_faults: CueList,
    pub(crate) admission_excuses: CueList,
    pub(crate) blame: CueList,
    pub(crate) blame_not_after: CueList,
    pub(crate) dismissive: CueList,
    pub(crate) validating: CueList,
    pub(crate) over_promise: CueList,
    pub(crate) formulaic_apology: CueList,
    pub(crate) scripted_closing: CueList,
    pub(crate) policy_speak: CueList,
    pub(crate) tone_markers: CueList,
    pub(crate) rude: CueList,
    pub(crate) off_topic: CueList,
    pub(crate) actions: CueList,
    pub(crate) agreement: CueList,
    pub(crate) personal_closing: CueList,
    pub(crate) echo_frames: CueList,
    pub(crate) negators: CueList,
    /// Words that open with a negator and negate nothing ("无痛", "非常").
    pub(crate) negator_words: CueList,
    pub(crate) function_chars: Vec<char>,
    // Customer side.
    pub(crate) repeat_contact: CueList,
    pub(crate) customer_anxiety: CueList,
    pub(crate) customer_anger: CueList,
    pub(crate) customer_gratitude: CueList,
    // Time expressions.
    pub(crate) time: TimeCues,
    // Conversation reading.
    pub(crate) info: KindLists,
    pub(crate) give_verbs: CueList,
    pub(crate) received: CueList,
    pub(crate) ask_frames: CueList,
    /// Right before an information word: it names how to do something ("用身份证号查"), it asks for nothing.
    pub(crate) info_use_marks: CueList,
    pub(crate) use_frames: CueList,
    pub(crate) steps: KindLists,
    pub(crate) tried_ack: CueList,
    pub(crate) instruct_frames: CueList,
    pub(crate) instruct_continue: CueList,
    pub(crate) remedies: KindLists,
    pub(crate) channels: KindLists,
    pub(crate) refusal_frames: CueList,
    pub(crate) preference_frames: CueList,
    pub(crate) option_refusals: CueList,
    pub(crate) option_refusals_after: CueList,
    pub(crate) option_refusal_skip: CueList,
    pub(crate) still_marks: CueList,
    pub(crate) failure_marks: CueList,
    pub(crate) correction_frames: CueList,
    pub(crate) error_frames: CueList,
    pub(crate) past_event_marks: CueList,
    pub(crate) place_suffixes: CueList,
    pub(crate) answer_later: CueList,
    pub(crate) over_promise_disclaimers: CueList,
    pub(crate) item_frames: CueList,
    pub(crate) question_openers: CueList,
    /// Yes/no particles: a question word before one in its clause is indefinite ("过期几天还能开吗").
    pub(crate) indefinite_marks: CueList,
    pub(crate) asks_again: CueList,
    /// A message that only nudges the agent ("人呢", "说话啊") presses for the open earlier question.
    pub(crate) nudges: CueList,
    pub(crate) answer_refs: CueList,
    /// After a pointer at the question, words that only say it was heard ("您关心的我明白").
    pub(crate) answer_deflections: CueList,
    /// A clause opening that turns from what the customer said to a new request ("那辛苦您…").
    pub(crate) request_turns: CueList,
    /// The customer leaves the choice of a time to the agent ("时间你们定个").
    pub(crate) choice_delegated: CueList,
    /// In an agent turn: it recalls an earlier promise to the customer ("之前同事答应您…").
    pub(crate) promise_recalls: CueList,
    /// Right after a remedy or channel in a reply: it is set aside, not offered ("重做没意义").
    pub(crate) offer_dismissals: CueList,
    /// In a reply: one more trial by the customer before the agent acts ("试一下，还不行的话").
    pub(crate) trial_first: CueList,
    pub(crate) answer_openers: CueList,
    pub(crate) answer_modals: CueList,
    pub(crate) restate_frames: CueList,
    pub(crate) home_after_marks: CueList,
    pub(crate) answer_hedges: CueList,
    pub(crate) record_owner_marks: CueList,
    pub(crate) record_service_marks: CueList,
    pub(crate) record_move_words: CueList,
    pub(crate) place_name_stops: Vec<char>,
    /// Titles of staff after a name ("护士", "师傅"), and what says who handled a record ("经手", "经办").
    pub(crate) staff_titles: CueList,
    pub(crate) staff_handling_marks: CueList,
    /// Staff named title first ("产康师周敏"): the titles, family names, words that open with one and name nobody
    /// ("马上"), and what passes the work to a named person ("换", "改由").
    pub(crate) name_titles: CueList,
    pub(crate) surnames: Vec<char>,
    pub(crate) name_not_words: CueList,
    pub(crate) staff_change_marks: CueList,
    /// What a "don't" spares the customer ("就别再重复了", "不要再折腾了").
    pub(crate) spare_effort: CueList,
    /// What takes restated steps as tried ("既然…", "…都用过了"): the restatement is no parroting.
    pub(crate) tried_restated: CueList,
    /// What says a named member of staff is away for a while ("请假", "在外地", "进修").
    pub(crate) staff_away: CueList,
    /// Around the customer's words restated in a reply, what makes them the reason for its step ("考虑到…", "…，所以").
    pub(crate) reason_before: CueList,
    pub(crate) reason_after: CueList,
    pub(crate) availability_only: CueList,
    pub(crate) time_ranges: CueList,
    pub(crate) appointment_cues: CueList,
    pub(crate) deadline_cues: CueList,
    pub(crate) deadline_cue_not_before: CueList,
    pub(crate) deadline_refs: CueList,
    pub(crate) over_promise_commitments: CueList,
    pub(crate) dismissive_limits: CueList,
    pub(crate) no_help: CueList,
    pub(crate) event_cues: CueList,
    pub(crate) availability_cues: CueList,
    pub(crate) after_marks: CueList,
    pub(crate) after_openers: CueList,
    pub(crate) questions: KindLists,
    pub(crate) choice_frames: CueList,
    pub(crate) time_alternatives: CueList,
    pub(crate) unavailable_until: CueList,
    pub(crate) unavailable_until_day: CueList,
    pub(crate) noted_frames: CueList,
    pub(crate) record_ref_frames: CueList,
    pub(crate) attempt_marks: CueList,
    pub(crate) promise_ack_not_before: CueList,
    pub(crate) place_answers: CueList,
    pub(crate) price_answers: CueList,
    pub(crate) payer_answers: CueList,
    pub(crate) broken_promise: CueList,
    pub(crate) promise_report: CueList,
    pub(crate) promise_ack: CueList,
    pub(crate) promise_ack_not_after: CueList,
    pub(crate) escalation: CueList,
    pub(crate) unavailable: CueList,
    pub(crate) unavailable_skip: CueList,
    pub(crate) unavailable_back_refs: CueList,
    pub(crate) busy_cues: CueList,
    pub(crate) busy_not_with: CueList,
    pub(crate) busy_until_marks: CueList,
    /// After a time and a before-mark only: the customer wants to be left alone until then ("别找我", "别打电话").
    pub(crate) busy_until_cues: CueList,
    /// Marks of a recurring time ("每天", "平时"): the customer's routine, no deadline.
    pub(crate) routine_marks: CueList,
    pub(crate) return_marks: CueList,
    pub(crate) before_marks: CueList,
    pub(crate) busy_after_time: CueList,
    pub(crate) call_availability: CueList,
    pub(crate) deadline_answered: CueList,
    pub(crate) unavailable_subjects: CueList,
    pub(crate) unavailable_admits: CueList,
    pub(crate) unavailable_despite: CueList,
    pub(crate) discontinued: CueList,
    pub(crate) restock: CueList,
    pub(crate) delegation: CueList,
    pub(crate) callback: CueList,
    pub(crate) followup_frames: CueList,
    pub(crate) pending: CueList,
    pub(crate) unavailable_slots: CueList,
    pub(crate) refusal_after_frames: CueList,
    pub(crate) done_marks: CueList,
    pub(crate) done_results: CueList,
    pub(crate) done_other_subjects: CueList,
    pub(crate) done_not_fixes: CueList,
    pub(crate) instruct_not_after: CueList,
    pub(crate) urgent_cues: CueList,
    pub(crate) money_units: CueList,
    pub(crate) paid_marks: CueList,
    pub(crate) address_titles: CueList,
    pub(crate) count_classifiers: CueList,
}

/// Words of the time-expression scanner.
pub(crate) struct TimeCues {
    /// Units with their length in hours.
    pub(crate) units: CueList,
    /// Day words with the horizon they promise, in hours.
    pub(crate) day_words: CueList,
    /// Day words with their offset from today in days (for comparing deadlines with promises).
    pub(crate) day_offsets: CueList,
    pub(crate) weekdays: CueList,
    pub(crate) parts_of_day: CueList,
    pub(crate) forward_after: CueList,
    pub(crate) forward_before: CueList,
    pub(crate) past_before: CueList,
    pub(crate) past_after: CueList,
    pub(crate) hedges: CueList,
    pub(crate) clock_before: CueList,
    pub(crate) clock_after: CueList,
    pub(crate) clock_marks: CueList,
    pub(crate) half_hour: CueList,
    pub(crate) date_marks: CueList,
    /// Month words before a day of the month, with the month they name counted from this one (下个月 = 1).
    pub(crate) month_offsets: CueList,
    /// Parts of a month (月底, 下个月初) as month offset × 100 + the last day they reach.
    pub(crate) month_parts: CueList,
    pub(crate) not_before_day: CueList,
    pub(crate) next_week: CueList,
    pub(crate) wish: CueList,
    pub(crate) tail_chars: Vec<char>,
    pub(crate) immediate: CueList,
    pub(crate) vague: CueList,
    pub(crate) numerals: CueList,
    /// Numerals that ask rather than count before a clock or date mark ("几点", "几号").
    pub(crate) question_numerals: CueList,
    pub(crate) workdays: CueList,
    pub(crate) weekend: CueList,
    /// Words for now ("现在") and what may stand between them or "today" and the time they state ("已经", "才").
    pub(crate) now_words: CueList,
    pub(crate) now_links: CueList,
}

impl Cues {
    pub(crate) fn embedded() -> Cues {
        Cues {
            feelings: list!("feelings"),
            empathy_frames: list!("empathy_frames"),
            generic_empathy: list!("generic_empathy"),
            ownership: list!("ownership"),
            ownership_not_after: list!("ownership_not_after"),
            admission_heads: list!("admission_heads"),
            admission_faults: list!("admission_faults"),
            admission_excuses: list!("admission_excuses"),
            blame: list!("blame"),
            blame_not_after: list!("blame_not_after"),
            dismissive: list!("dismissive"),
            validating: list!("validating"),
            over_promise: list!("over_promise"),
            formulaic_apology: list!("formulaic_apology"),
            scripted_closing: list!("scripted_closing"),
            policy_speak: list!("policy_speak"),
            tone_markers: list!("tone_markers"),
            rude: list!("rude"),
            off_topic: list!("off_topic"),
            actions: list!("actions"),
            agreement: list!("agreement"),
            personal_closing: list!("personal_closing"),
            echo_frames: list!("echo_frames"),
            negators: list!("negators").shadowed_by(&list!("negator_shadows")),
            negator_words: list!("negator_words"),
            function_chars: list!("function_chars").chars(),
            repeat_contact: list!("repeat_contact"),
            customer_anxiety: list!("customer_anxiety"),
            customer_anger: list!("customer_anger"),
            customer_gratitude: list!("customer_gratitude"),
            time: TimeCues {
                units: list!("time_units"),
                day_words: list!("time_day_words"),
                day_offsets: list!("time_day_offsets"),
                weekdays: list!("time_weekdays"),
                parts_of_day: list!("time_parts_of_day"),
                forward_after: list!("time_forward_after"),
                forward_before: list!("time_forward_before"),
                past_before: list!("time_past_before"),
                past_after: list!("time_past_after"),
                hedges: list!("time_hedges"),
                clock_before: list!("time_clock_before"),
                clock_after: list!("time_clock_after"),
                clock_marks: list!("time_clock_marks"),
                half_hour: list!("time_half_hour"),
                date_marks: list!("time_date_marks"),
                month_offsets: list!("time_month_offsets"),
                month_parts: list!("time_month_parts"),
                not_before_day: list!("time_not_before_day"),
                next_week: list!("time_next_week"),
                wish: list!("time_wish"),
                tail_chars: list!("time_tail_chars").chars(),
                immediate: list!("time_immediate"),
                vague: list!("time_vague"),
                numerals: list!("time_numerals"),
                question_numerals: list!("time_question_numerals"),
                workdays: list!("time_workdays"),
                weekend: list!("time_weekend"),
                now_words: list!("time_now_words"),
                now_links: list!("time_now_links"),
            },
            info: kinds!("info": "order", "tracking", "booking", "flight", "room", "photo", "screenshot", "address", "phone", "id", "card", "email", "plate", "materials", "name", "amount"),
            give_verbs: list!("give_verbs"),
            received: list!("received"),
            ask_frames: list!("ask_frames"),
            info_use_marks: list!("info_use_marks"),
            use_frames: list!("use_frames"),
            steps: kinds!("steps": "restart", "reinstall", "clear_cache", "relogin", "wait", "reinsert", "switch_device", "contact_again", "resubmit", "switch_account"),
            tried_ack: list!("tried_ack"),
            instruct_frames: list!("instruct_frames"),
            instruct_continue: list!("instruct_continue"),
            remedies: kinds!("remedies": "reship", "refund", "coupon", "repair", "makeup", "rebook", "redo", "relocate"),
            channels: kinds!("channels": "call", "sms", "video", "visit", "store", "wechat"),
            refusal_frames: list!("refusal_frames"),
            preference_frames: list!("preference_frames"),
            option_refusals: list!("option_refusals"),
            option_refusals_after: list!("option_refusals_after"),
            option_refusal_skip: list!("option_refusal_skip"),
            still_marks: list!("still_marks"),
            failure_marks: list!("failure_marks"),
            correction_frames: list!("correction_frames"),
            error_frames: list!("error_frames"),
            past_event_marks: list!("past_event_marks"),
            place_suffixes: list!("place_suffixes"),
            answer_later: list!("answer_later"),
            over_promise_disclaimers: list!("over_promise_disclaimers"),
            item_frames: list!("item_frames"),
            question_openers: list!("question_openers"),
            indefinite_marks: list!("indefinite_marks"),
            asks_again: list!("asks_again"),
            nudges: list!("nudges"),
            answer_refs: list!("answer_refs"),
            answer_deflections: list!("answer_deflections"),
            request_turns: list!("request_turns"),
            choice_delegated: list!("choice_delegated"),
            promise_recalls: list!("promise_recalls"),
            offer_dismissals: list!("offer_dismissals"),
            trial_first: list!("trial_first"),
            answer_openers: list!("answer_openers"),
            answer_modals: list!("answer_modals"),
            restate_frames: list!("restate_frames"),
            home_after_marks: list!("home_after_marks"),
            answer_hedges: list!("answer_hedges"),
            record_owner_marks: list!("record_owner_marks"),
            record_service_marks: list!("record_service_marks"),
            record_move_words: list!("record_move_words"),
            place_name_stops: list!("place_name_stops").chars(),
            staff_titles: list!("staff_titles"),
            staff_handling_marks: list!("staff_handling_marks"),
            name_titles: list!("name_titles"),
            surnames: list!("surnames").chars(),
            name_not_words: list!("name_not_words"),
            staff_change_marks: list!("staff_change_marks"),
            spare_effort: list!("spare_effort"),
            tried_restated: list!("tried_restated"),
            staff_away: list!("staff_away"),
            reason_before: list!("reason_before"),
            reason_after: list!("reason_after"),
            availability_only: list!("availability_only"),
            time_ranges: list!("time_ranges"),
            appointment_cues: list!("appointment_cues"),
            deadline_cues: list!("deadline_cues"),
            deadline_cue_not_before: list!("deadline_cue_not_before"),
            deadline_refs: list!("deadline_refs"),
            over_promise_commitments: list!("over_promise_commitments"),
            dismissive_limits: list!("dismissive_limits"),
            no_help: list!("no_help"),
            event_cues: list!("event_cues"),
            availability_cues: list!("availability_cues"),
            after_marks: list!("time_after_marks"),
            after_openers: list!("time_after_openers"),
            choice_frames: list!("choice_frames"),
            time_alternatives: list!("time_alternatives"),
            unavailable_until: list!("unavailable_until"),
            unavailable_until_day: list!("unavailable_until_day"),
            noted_frames: list!("noted_frames"),
            record_ref_frames: list!("record_ref_frames"),
            attempt_marks: list!("attempt_marks"),
            promise_ack_not_before: list!("promise_ack_not_before"),
            questions: kinds!("questions": "when", "where", "how_much", "yes_no", "how", "choice", "who"),
            place_answers: list!("place_answers"),
            price_answers: list!("price_answers"),
            payer_answers: list!("payer_answers"),
            broken_promise: list!("broken_promise"),
            promise_report: list!("promise_report"),
            promise_ack: list!("promise_ack"),
            promise_ack_not_after: list!("promise_ack_not_after"),
            escalation: list!("escalation"),
            unavailable: list!("unavailable"),
            unavailable_skip: list!("unavailable_skip"),
            unavailable_back_refs: list!("unavailable_back_refs"),
            busy_cues: list!("busy_cues"),
            busy_not_with: list!("busy_not_with"),
            busy_until_marks: list!("busy_until_marks"),
            busy_until_cues: list!("busy_until_cues"),
            routine_marks: list!("routine_marks"),
            return_marks: list!("return_marks"),
            before_marks: list!("time_before_marks"),
            busy_after_time: list!("busy_after_time"),
            call_availability: list!("call_availability"),
            deadline_answered: list!("deadline_answered"),
            unavailable_subjects: list!("unavailable_subjects"),
            unavailable_admits: list!("unavailable_admits"),
            unavailable_despite: list!("unavailable_despite"),
            discontinued: list!("discontinued"),
            restock: list!("restock"),
            delegation: list!("delegation"),
            callback: list!("callback"),
            followup_frames: list!("followup_frames"),
            pending: list!("pending"),
            unavailable_slots: list!("unavailable_slots"),
            refusal_after_frames: list!("refusal_after_frames"),
            done_marks: list!("done_marks"),
            done_results: list!("done_results"),
            done_other_subjects: list!("done_other_subjects"),
            done_not_fixes: list!("done_not_fixes"),
            instruct_not_after: list!("instruct_not_after"),
            urgent_cues: list!("urgent_cues"),
            money_units: list!("money_units"),
            paid_marks: list!("paid_marks"),
            address_titles: list!("address_titles"),
            count_classifiers: list!("count_classifiers"),
        }
    }
}

/// Whether the entry at `start` sits inside an A-not-A question: the character before it repeats its second
/// character ("能" + "不能", "有" + "没有"), the shape in which Chinese asks instead of negating.
pub(crate) fn a_not_a(chars: &[char], start: usize) -> bool {
    start >= 1 && start + 1 < chars.len() && chars[start - 1] == chars[start + 1] && chars[start] != chars[start + 1]
}
