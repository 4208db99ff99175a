package org.alcove.server.e2e;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One participant's native media stack: a factory on the headless audio module (no sound
 * hardware on test machines), a microphone track fed silence by that module, and a camera
 * stand-in that pushes small grey frames, shared by every peer connection of the participant.
 */
final class LocalMedia implements AutoCloseable {
    private static final int WIDTH = 160;
    private static final int HEIGHT = 120;
    private static final long FRAME_INTERVAL_MS = 100;

    private final HeadlessAudioDeviceModule audioModule;
    private final PeerConnectionFactory factory;
    private final AudioTrack audio;
    private final CustomVideoSource camera;
    private final VideoTrack video;
    private final ScheduledExecutorService frames;

    LocalMedia(String label) {
        audioModule = new HeadlessAudioDeviceModule();
        // Playout must run for received audio to be pulled through the pipeline; recording
        // feeds the local track. init* before start*, as the module requires.
        audioModule.initPlayout();
        audioModule.startPlayout();
        audioModule.initRecording();
        audioModule.startRecording();
        factory = new PeerConnectionFactory(audioModule);
        audio = factory.createAudioTrack(label + "-audio", factory.createAudioSource(new AudioOptions()));
        camera = new CustomVideoSource();
        video = factory.createVideoTrack(label + "-video", camera);
        frames = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, label + "-camera"));
        frames.scheduleAtFixedRate(this::pushFrame, 0, FRAME_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    PeerConnectionFactory factory() {
        return factory;
    }

    AudioTrack audio() {
        return audio;
    }

    VideoTrack video() {
        return video;
    }

    private void pushFrame() {
        NativeI420Buffer buffer = NativeI420Buffer.allocate(WIDTH, HEIGHT);
        fill(buffer.getDataY(), (byte) 0x80);
        fill(buffer.getDataU(), (byte) 0x80);
        fill(buffer.getDataV(), (byte) 0x80);
        VideoFrame frame = new VideoFrame(buffer, System.nanoTime());
        try {
            camera.pushFrame(frame);
        } finally {
            frame.release();
        }
    }

    private static void fill(ByteBuffer plane, byte value) {
        while (plane.hasRemaining()) {
            plane.put(value);
        }
    }

    /**
     * Call after every peer connection using these tracks is closed. Runs every step even if
     * one fails, then rethrows the first failure: a leak must fail the test, not the next one.
     */
    @Override
    public void close() {
        frames.shutdownNow();
        try {
            frames.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Throwable> failures = new ArrayList<>();
        run(failures, video::dispose);
        run(failures, audio::dispose);
        run(failures, camera::dispose);
        run(failures, audioModule::stopRecording);
        run(failures, audioModule::stopPlayout);
        run(failures, audioModule::dispose);
        run(failures, factory::dispose);
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("native media teardown failed", failures.get(0));
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private static void run(List<Throwable> failures, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | Error e) {
            failures.add(e);
        }
    }
}
