package be.stek.demo;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;

/**
 * Made-up people and texts for demonstration data: Flemish-sounding names (real first names, surnames put together
 * from parts, so that no real person is meant), addresses at example.org, group names and short reflections.
 */
final class DemoText {
    private static final String[] FIRST = {"Lotte", "Emma", "Louise", "Marie", "Elise", "Noor", "Fien", "Hanne", "Lien",
        "Sofie", "Katrien", "An", "Griet", "Ine", "Els", "Veerle", "Sarah", "Julie", "Laura", "Jana", "Ellen", "Leen",
        "Nele", "Kaat", "Mieke", "Hilde", "Ilse", "Femke", "Yasmine", "Amira", "Lore", "Margot", "Astrid", "Wouter",
        "Pieter", "Jonas", "Arne", "Thomas", "Bram", "Stijn", "Koen", "Joris", "Dries", "Ruben", "Seppe", "Wannes",
        "Jef", "Ayoub", "Ilias", "Zoë", "Anaïs", "Chloë", "Siebe", "Tine", "Evi", "Jolien", "Marthe", "Lise"};
    private static final String[] PREFIX = {"Van ", "Van de ", "Van den ", "De ", "Ver", "Vande", "Vander", "", "", ""};
    private static final String[] ROOT = {"bosch", "meir", "leeuw", "steen", "hoeve", "kerck", "bruyn", "wyn",
        "gheyn", "loo", "dries", "berg", "poel", "veld", "schuer", "molen", "beke", "hende", "linde", "walle",
        "roye", "haege", "voorde", "daele"};
    private static final String[] SUFFIX = {"", "", "e", "s", "ens", "mans", "aert", "ckx", "hove", "ghem"};
    private static final String[] PLACE = {"Oostveld", "Zwijnegem", "Heikant", "Meerbeke", "Lindendaal", "Schoonhoek",
        "Bergeveld", "Kapelhoek", "Molenbeke", "Ter Hove", "Walleghem", "Beverdonk"};
    private static final String[] KIND = {"Kinderopvang", "Huis van het Kind", "Jeugdhulp", "Vroedkunde jaar 2",
        "Kinderdagverblijf", "Thuisbegeleiding"};
    private static final String[] OPENING = {"Ik merk dat", "Vandaag zag ik dat", "Wat me bijblijft: ",
        "In mijn groep zie ik dat", "Eerlijk gezegd vind ik dat", "Bij het lezen dacht ik dat"};
    private static final String[] MIDDLE = {"een kind dat huilt bij het afscheid vooral nabijheid zoekt",
        "ik sneller reageer als ik zelf rustig ben", "ouders vaak meer weten dan ze durven zeggen",
        "het helpt om eerst te benoemen wat een baby voelt", "ik soms te snel oplossingen aanbied",
        "een vaste overdracht 's morgens veel onrust voorkomt", "mijn eigen ervaringen meespelen in hoe ik kijk",
        "herstel na een moeilijk moment belangrijker is dan alles juist doen"};
    private static final String[] CLOSING = {"Volgende week probeer ik dit bewust.", "Dit wil ik bespreken in het team.",
        "Ik ga hier morgen op letten.", "Dat vraagt oefening.", "Ik schrijf op wanneer het lukt.", ""};

    private DemoText() {
    }

    /** A person's made-up name and a unique address for number {@code n}. */
    static DemoData.Person person(Random random, long n) {
        String first = pick(random, FIRST);
        String prefix = pick(random, PREFIX);
        String root = pick(random, ROOT);
        String last = (prefix.isEmpty() || prefix.endsWith(" ") ? capitalise(root) : root) + pick(random, SUFFIX);
        String surname = prefix + last;
        return new DemoData.Person(first + " " + surname, ascii(first) + "." + ascii(surname) + "." + n + "@example.org");
    }

    static String group(Random random, int n) {
        return pick(random, KIND) + " " + pick(random, PLACE) + " (groep " + n + ")";
    }

    /** Two or three sentences a learner might write in their journal. */
    static String reflection(Random random) {
        String opening = pick(random, OPENING);
        String text = opening + (opening.endsWith(" ") ? "" : " ") + pick(random, MIDDLE) + ". " + pick(random, CLOSING);
        return text.strip();
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^A-Za-z]", "")
                .toLowerCase(Locale.ROOT);
    }
}
