/**
 * A setting, or a file or folder named by one, that cannot be used (a missing knowledge file,
 * DATA_DIR naming a file): the message names the setting and what to change. The command line
 * prints it alone on stderr and exits 2, as for any invalid setting.
 */
export class SetupError extends Error {}
