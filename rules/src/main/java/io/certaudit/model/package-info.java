/** Plain facts about a host's certificate stores, as a source observed them; no judgement here. */
package io.certaudit.model;
