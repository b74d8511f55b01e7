/** The certaudit command line: one class per subcommand, exit codes as a contract, errors mapped in one place. */
package io.certaudit.agent.cli;
