/** The capture: one portable, versioned file of everything a source saw on a host, audited anywhere later. */
package io.certaudit.agent.capture;
