package dev.acgbot.api.command;

/** The value kinds a command option can take; adapters map them to native option types. */
public enum OptionType {
    /** Free text; one string option of a command may take the rest of the line. */
    STRING,
    /** A decimal number. */
    NUMBER,
    /** An image or file posted with the command. */
    ATTACHMENT
}
