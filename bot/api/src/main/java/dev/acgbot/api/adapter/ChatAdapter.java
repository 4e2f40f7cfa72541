package dev.acgbot.api.adapter;

import dev.acgbot.api.command.CommandSpec;

import java.util.List;

/**
 * Connects one chat platform to the core. Adapters translate platform messages into
 * {@link InboundSink} calls and {@link dev.acgbot.api.reply.Reply replies} into platform messages.
 */
public interface ChatAdapter extends AutoCloseable {

    /** Adapter id: {@code console}, {@code telegram}, {@code discord}. */
    String platform();

    /**
     * Connects and starts receiving. Registers the commands natively where the platform has a menu.
     * Returns once receiving has started; failures to connect are thrown here.
     */
    void start(InboundSink sink, List<CommandSpec> commands) throws Exception;

    /** Stops receiving and releases every thread and connection. Must not throw. */
    @Override
    void close();
}
