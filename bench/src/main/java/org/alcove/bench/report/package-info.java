/**
 * The results table: rows of Alcove's figure against the baseline's from the same run, their
 * ratio, the target and the verdict, rendered for the terminal, as Markdown and as JSON.
 */
package org.alcove.bench.report;
