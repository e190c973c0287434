package io.github.springsocketio.sample;

/**
 * A chat message as the chat server sends it.
 *
 * @param author who wrote it
 * @param text what it says
 * @param at when the server received it, in epoch milliseconds (0 before that)
 */
public record ChatMessage(String author, String text, long at) {

}
