package dev.maillog554.api.dto;

import java.util.List;

/** Rejection counts grouped by one field, with the total they add up to. */
public record CountsResponse(String group, long total, List<CountRow> rows) {
}
