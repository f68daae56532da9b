package vn.lgsp.hub.canonical;

/** Gender as the population database records it (GioiTinh 0 unknown, 1 male, 2 female). */
public enum Gender {
    UNKNOWN,
    MALE,
    FEMALE
}
