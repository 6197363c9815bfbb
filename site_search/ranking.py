"""
How site search orders what the database found: a page must have most of the words of the
query or of one of its synonyms; a page whose title or other name says the query comes first,
then pages with more of the words, then those whose summary has them side by side.
"""

import itertools

from .stemming import stem, stop_words
from .stemming import words as plain_words


MAX_WORDS = 12  # distinct words searched, over the query and its synonyms


def needed(count):
    """How many of a query's words a page must have: most of them."""
    return count // 2 + 1


def name_match(query_stems, names):
    """
    How well one of a page's names says what was searched: 3 when a name is the query
    ("back pain" and "Back pain"), 2 when a name has every word of it ("headache" and
    "Cervicogenic headache"), 1 when the query holds a whole name ("sciatica pain"), else 0.
    """
    wanted = set(query_stems)
    best = 0
    for name in names:
        have = set(name)
        if not have:
            continue
        if have == wanted:
            return 3
        if wanted < have:
            best = max(best, 2)
        elif have < wanted:
            best = max(best, 1)
    return best


def rank(base, hits, variants, profiles):
    """
    The hits that have most of the words of the query or of one of its synonyms, best first.
    `variants` are the stems of each (query_variants), `profiles` what each page is about
    (query.page_profiles). Which hit has which word is asked of the database, one word at a
    time, among the hits only.
    """
    if not hits:
        return []
    ids = [hit.pk for hit in hits]
    words = {s: w for variant in variants for s, w in variant}
    if len(words) == 1:  # one word: every hit has it
        has_word = {s: set(ids) for s in words}
    else:
        has_word = {
            word_stem: {
                page.pk for page in base.filter(pk__in=ids).search(word, order_by_relevance=False)
            }
            for word_stem, word in words.items()
        }
    scored = []
    for position, hit in enumerate(hits):
        best = None
        for variant in variants:
            stems = [s for s, _ in variant]
            matched = sum(hit.pk in has_word[s] for s in stems)
            hit_names, summary = profiles.get(hit.pk) or ([[]], [])
            naming = name_match(stems, hit_names)
            if matched < needed(len(stems)) and naming < 1:
                continue
            # Among pages a name matches equally, those whose title says it come first; among
            # pages with as many of the words, those whose summary has the words side by side
            # ("low back pain", not "the back of the head"), then more of them.
            in_title = set(stems) <= set(hit_names[0])
            side_by_side = len(pairs(stems) & pairs(summary))
            in_summary = len(set(summary).intersection(stems))
            score = (naming, in_title, matched / len(stems), side_by_side, in_summary, -position)
            best = score if best is None or score > best else best
        if best is not None:
            scored.append((best, hit))
    scored.sort(key=lambda item: item[0], reverse=True)
    return [hit for _, hit in scored]


def pairs(stems):
    return set(itertools.pairwise(stems))


def query_variants(terms):
    """For each term, its (stem, word) pairs: the words that matter, or all if none does."""
    variants = []
    seen = set()
    small = stop_words()
    for term in terms:
        forms = [(stem(word), word) for word in plain_words(term)]
        kept = [(s, word) for s, word in forms if word not in small] or forms
        unique = list(dict(kept).items())
        if unique and len(seen | {s for s, _ in unique}) <= MAX_WORDS:
            seen |= {s for s, _ in unique}
            variants.append(unique)
    return variants
