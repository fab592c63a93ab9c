package org.switchboard.server;

/** Entry point of the Switchboard server and command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("Switchboard");
    }
}
