package org.camaudit.scanner.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes a scan's observations in one output format. */
public interface ObservationWriter {

    void write(List<Observation> observations, Writer out) throws IOException;
}
