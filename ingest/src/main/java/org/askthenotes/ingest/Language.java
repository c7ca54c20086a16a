package org.askthenotes.ingest;

/** The language of one block of note text; retrieval analyzes each with its own analyzer. */
public enum Language {
    ENGLISH("en"),
    CHINESE("zh");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** A short, stable code for storage and filters ("en", "zh"). */
    public String code() {
        return code;
    }

    public static Language fromCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language code: " + code);
    }
}
