/** The self-contained HTML report: escaped markup, one class per section, chain pictures and charts as inline SVG. */
package io.certaudit.agent.report.html;
