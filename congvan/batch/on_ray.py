"""`render_many` on Ray: a concurrent.futures executor over Ray actors.

    import ray
from ray.actor import ActorClass
    from congvan.batch.on_ray import RayExecutor

    ray.init(address="auto")
    with RayExecutor(workers=8) as executor:
        congvan.render_many(jobs, executor, output="/mnt/chung/out", formats=["pdf"])

Ray has no standard Executor; this one sends each call to one of `workers` actors in
turn. Each actor is a process that keeps its own warm LibreOffice engine (started
when the actor starts) and closes it when the executor shuts down.
"""

from __future__ import annotations

import itertools
import threading
from concurrent.futures import Executor, Future
from typing import TYPE_CHECKING, Any, Callable, ParamSpec, TypeVar, cast

import ray

if TYPE_CHECKING:
    from ray.actor import ActorClass

from . import pdf

P = ParamSpec("P")
T = TypeVar("T")


@ray.remote(num_cpus=1)
class _Worker:
    def __init__(self, timeout: float, warm: bool) -> None:
        if warm:
            pdf.start_engine(timeout)

    def run(self, fn: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
        return fn(*args, **kwargs)

    def info(self) -> dict[str, object]:
        return pdf.info()

    def close(self) -> None:
        pdf.close_engine()


# What ray.remote made of the class (mypy keeps a class's own type under a decorator).
_WORKER = cast("ActorClass[_Worker]", _Worker)


class RayExecutor(Executor):
    """`workers` Ray actors, each with its own warm PDF engine (warm=False: started at
    the first PDF asked for)."""

    def __init__(self, workers: int, timeout: float = 60.0, warm: bool = True) -> None:
        self._max_workers = workers  # render_many reads it for the work in flight
        # Ray types an actor's methods only under @ray.method: its handles are Any here.
        self._actors: list[Any] = [_WORKER.remote(timeout, warm) for _ in range(workers)]
        self._turn = itertools.count()
        self._lock = threading.Lock()

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        with self._lock:
            if not self._actors:
                raise RuntimeError("RayExecutor đã đóng")
            actor = self._actors[next(self._turn) % len(self._actors)]
        future: Future[T] = actor.run.remote(fn, args, kwargs).future()
        return future

    def engines(self) -> list[dict[str, object]]:
        """Each actor's process id and LibreOffice processes."""
        return ray.get([actor.info.remote() for actor in self._actors])

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            actors, self._actors = self._actors, []
        ray.get([actor.close.remote() for actor in actors])  # the engines first: no soffice left
        for actor in actors:
            ray.kill(actor)
