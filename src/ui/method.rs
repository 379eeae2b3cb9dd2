//! The method: the codebook in readable form, how statements were cleaned and what
//! was redacted, where each comes from, and the limits of automatic framing analysis.

use super::reader::provenance;
use super::statement_list::statement_list;
use super::JumpLink;
use crate::analysis::eval::{published_recall, PUBLISHED, PUBLISHED_DEV};
use crate::analysis::recurring::{GAP, MIN_WORDS, SHINGLE};
use crate::analysis::{Codebook, Theme};
use crate::view::View;
use yew::prelude::*;

/// The method view.
#[function_component(Method)]
pub fn method() -> Html {
    let ctx = super::ctx::use_ctx();
    super::browser::use_restored_scroll(ctx.nav == super::ctx::Nav::Page);
    // As written: the patterns and classes (the start-up codebook is an outline).
    let book = Codebook::written();
    let codes = |theme: Option<Theme>| {
        book.code_ids().filter(move |(_, c)| c.theme == theme).map(|(id, c)| {
            let recall = match published_recall(id) {
                Some(r) => format!("Found in {:.0}% of the sentences a human coder gave it, in statements the rules were not written for.", r * 100.0),
                None => "Not measured on statements the rules were not written for (none had it).".to_string(),
            };
            html! {
                <li class="ef-code-entry">
                    <h4>{ &c.label }{ " " }<code>{ &c.id }</code></h4>
                    <p>{ &c.definition }</p>
                    <p class="ef-small">{ "Policy Frames Codebook dimension: " }{ c.policy_frames.join("; ") }{ ". " }{ recall }</p>
                    <details>
                        <summary>{ format!("Its {} rules", c.rules.len()) }</summary>
                        <ul class="ef-rules">
                            { for c.rules.iter().map(|r| html! { <li><code>{ &r.id }</code>{ ": " }<code class="ef-pattern">{ &r.pattern }</code></li> }) }
                            if c.inherit_lead_in {
                                <li>{ "Also carried into the items of a list whose introducing sentence (ending with a colon) has this code." }</li>
                            }
                        </ul>
                    </details>
                </li>
            }
        })
    };
    html! {
        <section class="ef-method" aria-labelledby="ef-method-title">
            <h1 id="ef-method-title" tabindex="-1" data-focus-target="">{ "Method" }</h1>
            <nav aria-label="On this page" class="ef-toc">
                <ul>
                    <li><JumpLink view={View::Method} target="ef-m-statements">{ "The statements" }</JumpLink></li>
                    <li><JumpLink view={View::Method} target="ef-m-codebook">{ "The codebook" }</JumpLink></li>
                    <li><JumpLink view={View::Method} target="ef-m-rules">{ "How rules read" }</JumpLink></li>
                    <li><JumpLink view={View::Method} target="ef-m-recurring">{ "Talking points" }</JumpLink></li>
                    <li><JumpLink view={View::Method} target="ef-m-cleaning">{ "Cleaning, redaction, provenance" }</JumpLink></li>
                    <li><JumpLink view={View::Method} target="ef-m-limits">{ "Limits" }</JumpLink></li>
                </ul>
            </nav>

            <h2 id="ef-m-statements">{ "The statements" }</h2>
            <p>{ "Five public statements on end-to-end encryption by the UK Home Office and its Five Eyes partners, 2017–2020. Quotes everywhere in this widget are exact stretches of these texts." }</p>
            { statement_list(&ctx) }

            <h2 id="ef-m-codebook">{ "The codebook" }</h2>
            <p>{ "Each sentence is checked for three themes and, within them, for frames: particular ways of presenting the issue. Three cross-cutting devices (named threats, statistics, appeals to authority) are coded too. A sentence may carry several themes and codes; a frame implies its theme; a theme can be present with no frame. Each frame is mapped to the dimension of the Policy Frames Codebook (Boydstun and others, 2014) it expresses." }</p>
            { for Theme::ALL.iter().map(|&t| {
                let entry = book.theme(t);
                html! {
                    <section class="ef-codebook-theme" aria-labelledby={format!("ef-m-{}", t.id())}>
                        <h3 id={format!("ef-m-{}", t.id())}>{ &entry.label }</h3>
                        <p>{ &entry.description }</p>
                        <p class="ef-small">{ "A sentence addresses this theme when one of its frames is found or when it matches: " }
                            { for entry.cues.iter().map(|r| html! { <><code class="ef-pattern">{ &r.pattern }</code>{ " " }</> }) }
                        </p>
                        <ul class="ef-code-list">{ for codes(Some(t)) }</ul>
                    </section>
                }
            }) }
            <section class="ef-codebook-theme" aria-labelledby="ef-m-devices">
                <h3 id="ef-m-devices">{ "Devices" }</h3>
                <ul class="ef-code-list">{ for codes(None) }</ul>
            </section>

            <h2 id="ef-m-rules">{ "How rules read" }</h2>
            <ul>
                <li>{ "Words in a rule match any form of the word: “design” matches “designed” and “designs” (Snowball English stemming)." }</li>
                <li>{ "A word ending in * matches words beginning that way: “encrypt*” matches “encrypted” and “encryption”." }</li>
                <li>{ "| separates alternatives; ~N lets the next word come up to N words later; #num is a number stating a quantity (not a year or a day of a month)." }</li>
                <li>{ "@name stands for every member of a word class (below); a member may be several words." }</li>
                <li>{ "[neg] means the matched words must be negated or opposed in their clause (“not”, “never”, “without”, “nobody”, “oppose”…, before them, or “is not” just after: “a backdoor is not what we want”); [noneg] means they must not be; [unquoted] means the statement’s own words, outside quotation marks; [noname] that no word is part of a name (“the Global Encryption Coalition”), which holds for every theme cue; [name] that the first word is (“the National Crime Agency has warned”)." }</li>
                <li>{ "Hyphens split words, so “end to end” matches “end-to-end”. No rule names a statement, a person or a company: the same codebook applies to any text." }</li>
            </ul>

            <details>
                <summary>{ format!("The {} word classes", book.classes.len()) }</summary>
                <ul class="ef-rules">
                    { for book.classes.iter().map(|c| html! { <li><code>{ format!("@{}", c.name) }</code>{ ": " }<code class="ef-pattern">{ &c.members }</code></li> }) }
                </ul>
            </details>

            <h2 id="ef-m-recurring">{ "Talking points" }</h2>
            <p>{ format!("Repeated passages are found by hashing every run of {SHINGLE} consecutive words of every sentence; a run found in two or more statements marks its words as shared. Shared words up to {GAP} words apart within a sentence join into one passage, so small edits do not split it, and passages sharing any run are grouped into one talking point. Passages shorter than {MIN_WORDS} words, or made only of names, are left out. The search takes time proportional to the length of the texts; no pair of statements is compared directly.") }</p>
            <p>{ "Recurring claims are frames used by two or more statements; for each statement the sentence closest to the frame’s typical wording is shown, with its similarity." }</p>

            <h2 id="ef-m-cleaning">{ "Cleaning, redaction and provenance" }</h2>
            <p>{ "The captured pages included banners, navigation, share buttons, letterheads, addresses and signatures. These were moved to each statement’s metadata or dropped; the words of the statements were not changed. Automated checks confirm that every line of each capture is either in the cleaned text or listed below with the reason it was removed. One private address (a constituent’s, in the Wallace letter) is redacted." }</p>
            { for crate::corpus::bundled().statements.iter().map(|s| html! {
                <details class="ef-prov-details">
                    <summary>{ &s.title }</summary>
                    { provenance(&s.id, 3) }
                </details>
            }) }

            <h2 id="ef-m-limits">{ "Limits of automatic framing analysis" }</h2>
            <ul>
                <li>{ "The rules look for wording, not meaning. They miss frames expressed in words the codebook does not anticipate, and can fire on a phrase used in an unusual way. Read the sentence before relying on a label: every label shows the words and the rule behind it." }</li>
                <li>{ "Each sentence is coded on its own words, with two exceptions that say so: list items inherit from the sentence that introduces them, and a sentence continuing the previous one through “it” or “these technologies” reads those words as the previous sentence’s topic (the label names the sentence it continues). Other references (“this”, “they”) are not followed." }</li>
                <li>{ "Quoted words are coded like the statement’s own and marked “inside a quotation”: a statement that quotes others still chooses to repeat them." }</li>
                <li>{ "Shares of text measure attention, not importance; five statements of different kinds and lengths are not a sample of government communication." }</li>
            </ul>
            <p>{ "How well the rules agree with a human coder (micro-averaged F1, where 1.00 is perfect agreement):" }</p>
            <div class="ef-table-wrap" tabindex="0" role="region" aria-label="Evaluation figures">
                <table class="ef-eval">
                    <thead><tr><th scope="col">{ "Sentences" }</th><th scope="col">{ "Themes F1" }</th><th scope="col">{ "Frames precision" }</th><th scope="col">{ "Frames recall" }</th><th scope="col">{ "Frames F1" }</th></tr></thead>
                    <tbody>
                        { for PUBLISHED.iter().chain(&PUBLISHED_DEV).map(|p| html! {
                            <tr>
                                <th scope="row">{ format!("{} {}", p.sentences, p.what) }</th>
                                // The labels name each figure where a narrow screen stacks the rows.
                                <td data-label="Themes F1">{ format!("{:.2}", p.theme_f1) }</td>
                                <td data-label="Frames precision">{ format!("{:.2}", p.code_precision) }</td>
                                <td data-label="Frames recall">{ format!("{:.2}", p.code_recall) }</td>
                                <td data-label="Frames F1">{ format!("{:.2}", p.code_f1) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <p>{ "On text it was not developed on, the codebook is precise (when it labels a frame, the label is usually right) but misses many frames phrased differently: treat an empty cell as “not detected”, not as proof of absence." }</p>
        </section>
    }
}
