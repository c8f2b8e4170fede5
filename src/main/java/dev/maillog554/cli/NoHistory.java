package dev.maillog554.cli;

/**
 * Marks a command that never touches the history (explain, rules check): it starts without a database, so it
 * works while a scan holds the embedded one, and on a machine with none.
 */
interface NoHistory {
}
