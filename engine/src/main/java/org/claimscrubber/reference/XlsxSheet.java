package org.claimscrubber.reference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the first worksheet of an Office Open XML spreadsheet (.xlsx) as rows of cell texts, with the JDK's zip and
 * StAX readers: shared strings, inline strings and numbers as written. Enough for CMS's tabular spreadsheets; no
 * formulas are evaluated and styles are ignored.
 */
final class XlsxSheet {
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private XlsxSheet() {
    }

    /** Calls {@code row} with each row's 1-based number and its cells by column (A = 0), missing cells as null. */
    static void read(String fileName, InputStream in, BiConsumer<Integer, List<String>> row) throws IOException {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                if (name.equals("xl/sharedStrings.xml") || name.startsWith("xl/worksheets/sheet") && name.endsWith(".xml")) {
                    parts.put(name, zip.readAllBytes());
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new ReferenceException(fileName, 0, "not an .xlsx spreadsheet (" + e.getMessage() + ")");
        }
        String sheet = parts.containsKey("xl/worksheets/sheet1.xml") ? "xl/worksheets/sheet1.xml"
                : parts.keySet().stream().filter(n -> n.startsWith("xl/worksheets/")).sorted().findFirst().orElse(null);
        if (sheet == null) {
            throw new ReferenceException(fileName, 0, "not an .xlsx spreadsheet: no worksheet");
        }
        try {
            List<String> shared = parts.containsKey("xl/sharedStrings.xml") ? sharedStrings(parts.get("xl/sharedStrings.xml")) : List.of();
            rows(fileName, parts.get(sheet), shared, row);
        } catch (XMLStreamException e) {
            throw new ReferenceException(fileName, 0, "unreadable worksheet XML: " + e.getMessage());
        }
    }

    private static XMLStreamReader reader(byte[] xml) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f.createXMLStreamReader(new ByteArrayInputStream(xml));
    }

    private static List<String> sharedStrings(byte[] xml) throws XMLStreamException {
        List<String> strings = new ArrayList<>();
        XMLStreamReader r = reader(xml);
        StringBuilder text = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("si")) {
                text = new StringBuilder();
            } else if (event == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("t") && text != null) {
                text.append(r.getElementText());
            } else if (event == XMLStreamReader.END_ELEMENT && r.getLocalName().equals("si")) {
                strings.add(text.toString());
                text = null;
            }
        }
        return strings;
    }

    private static void rows(String fileName, byte[] xml, List<String> shared, BiConsumer<Integer, List<String>> sink)
            throws XMLStreamException {
        XMLStreamReader r = reader(xml);
        List<String> cells = null;
        int rowNumber = 0;
        int column = -1;
        String type = null;
        StringBuilder inline = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "row" -> {
                        String n = r.getAttributeValue(null, "r");
                        rowNumber = n == null ? rowNumber + 1 : Integer.parseInt(n);
                        cells = new ArrayList<>();
                    }
                    case "c" -> {
                        column = column(r.getAttributeValue(null, "r"), cells == null ? 0 : cells.size());
                        type = r.getAttributeValue(null, "t");
                    }
                    case "v" -> put(cells, column, value(fileName, rowNumber, r.getElementText(), type, shared));
                    case "is" -> inline = new StringBuilder();
                    case "t" -> {
                        if (inline != null) {
                            inline.append(r.getElementText());
                        }
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamReader.END_ELEMENT) {
                switch (r.getLocalName()) {
                    case "is" -> {
                        put(cells, column, inline.toString());
                        inline = null;
                    }
                    case "row" -> {
                        sink.accept(rowNumber, cells);
                        cells = null;
                    }
                    default -> {
                    }
                }
            }
        }
    }

    private static String value(String fileName, int row, String v, String type, List<String> shared) {
        if (!"s".equals(type)) {
            return v;
        }
        int index = Integer.parseInt(v.trim());
        if (index < 0 || index >= shared.size()) {
            throw new ReferenceException(fileName, row, "shared string " + index + " does not exist");
        }
        return shared.get(index);
    }

    /** The zero-based column of a cell reference such as {@code AB12}; {@code next} when there is none. */
    private static int column(String ref, int next) {
        if (ref == null) {
            return next;
        }
        int c = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            c = c * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return c - 1;
    }

    private static void put(List<String> cells, int column, String value) {
        while (cells.size() <= column) {
            cells.add(null);
        }
        cells.set(column, value);
    }
}
