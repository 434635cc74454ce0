package dev.dbsurveyor.report.html;

import java.util.List;

/**
 * A view, routine, trigger, type or event as the database page shows it: what it is, its name,
 * facts about it, and its definition with the highlighter's language ({@code sql}, or
 * {@code plaintext} for bodies in other languages).
 */
public record CodeView(String anchor, String kind, String name, List<Fact> facts, String comment, String definition, String language) {
}
