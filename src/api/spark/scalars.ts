import { z } from 'zod';
import { SPARK_DATE_PATTERN } from './sparkDate.js';

/*
 * Scalar building blocks for the Spark response schemas. Spark's fields are JVM Ints, Longs and Doubles;
 * keeping that distinction in the contract makes the OpenAPI document say `integer` where Spark can only
 * write whole numbers, while distribution values (Doubles, written as `37.0`) stay `number`.
 */

/** A JVM Int or Long. JSON numbers beyond 2^53 do not occur in practice for Spark's counters and times. */
export const Long = z.int();

/** A duration in milliseconds (most of Spark's times). */
export const Milliseconds = Long.describe('Milliseconds');

/** A duration in nanoseconds (CPU times and shuffle write time). */
export const Nanoseconds = Long.describe('Nanoseconds');

/** A JVM Double (quantile values, resource amounts). */
export const Double = z.number();

/** A date in Spark's REST format, e.g. `2015-03-17T23:11:50.242GMT`. */
export const SparkDateString = z
  .string()
  .regex(new RegExp(SPARK_DATE_PATTERN))
  .describe("Date in Spark's REST format yyyy-MM-dd'T'HH:mm:ss.SSS'GMT' (always UTC), e.g. 2015-03-17T23:11:50.242GMT");

/** `Map[String, String]`, e.g. executor log URLs by log name. */
export const StringMap = z.record(z.string(), z.string());

/** `Map[String, Int]`, e.g. killed-task counts by reason. */
export const CountByKey = z.record(z.string(), Long);

/** A Scala `(String, String)` tuple, which Spark serializes as a 2-element array. */
export const StringPair = z.tuple([z.string(), z.string()]);
