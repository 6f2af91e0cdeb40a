package org.claimscrubber.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/** Any X12 read back with StAEDI's own reader, as segment texts ({@code TAG*E1*E2:C2}) and the validation errors it raised. */
public record X12Segments(List<String> segments, List<String> errors) {

    public static X12Segments read(byte[] bytes) throws Exception {
        List<String> segments = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        EDIStreamReader r = EDIInputFactory.newFactory().createEDIStreamReader(new ByteArrayInputStream(bytes));
        StringBuilder segment = null;
        int element = 0;
        while (r.hasNext()) {
            EDIStreamEvent e = r.next();
            switch (e) {
                case START_SEGMENT -> {
                    segment = new StringBuilder(r.getText());
                    element = 0;
                }
                case ELEMENT_DATA -> {
                    int position = r.getLocation().getElementPosition();
                    int component = r.getLocation().getComponentPosition();
                    while (element < position) {
                        segment.append('*');
                        element++;
                    }
                    if (component > 1) {
                        segment.append(':');
                    }
                    segment.append(r.getText());
                }
                case END_SEGMENT -> segments.add(segment.toString());
                case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR ->
                        errors.add(r.getErrorType() + " at " + r.getLocation().getSegmentTag());
                default -> { }
            }
        }
        r.close();
        return new X12Segments(segments, errors);
    }

    public List<String> withTag(String tag) {
        return segments.stream().filter(s -> s.equals(tag) || s.startsWith(tag + "*")).toList();
    }

    /** Element {@code n} (1-based) of a segment text. */
    public static String element(String segment, int n) {
        String[] parts = segment.split("\\*", -1);
        return n < parts.length ? parts[n] : "";
    }
}
