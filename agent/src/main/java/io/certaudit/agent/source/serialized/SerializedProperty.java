package io.certaudit.agent.source.serialized;

/**
 * One {@code {DWORD propId; DWORD 1; DWORD cb; BYTE data[cb]}} entry of a serialized element.
 *
 * @param id     the property id, an unsigned DWORD
 * @param offset where the entry's header starts, for problem reports
 * @param data   the property value (a copy, at most as large as the file it came from)
 */
record SerializedProperty(long id, long offset, byte[] data) {
}
