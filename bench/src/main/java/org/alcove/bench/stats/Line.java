package org.alcove.bench.stats;

/**
 * A straight line {@code y = slope * x + intercept} fitted by least squares: memory against the
 * number of connections held, whose slope is the cost of one more connection and whose
 * intercept is what the server holds with none (classes, caches, pools).
 */
public record Line(double slope, double intercept) {

    /** The least-squares line through the points ({@code x[i]}, {@code y[i]}); needs two distinct x. */
    public static Line fit(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("a line needs at least two points, got " + x.length + " x and " + y.length + " y");
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < x.length; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= x.length;
        meanY /= y.length;
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < x.length; i++) {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            variance += (x[i] - meanX) * (x[i] - meanX);
        }
        if (variance == 0) {
            throw new IllegalArgumentException("every point has the same x: no slope");
        }
        double slope = covariance / variance;
        return new Line(slope, meanY - slope * meanX);
    }

    /** The line's y at {@code x}. */
    public double at(double x) {
        return slope * x + intercept;
    }
}
