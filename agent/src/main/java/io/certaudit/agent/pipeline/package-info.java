/** One audit from end to end: the sources opened, read into a snapshot, judged by the engine, made a report. */
package io.certaudit.agent.pipeline;
